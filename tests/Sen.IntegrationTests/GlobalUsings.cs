global using System.Net;
global using Sen.IntegrationTests.Infrastructure;
