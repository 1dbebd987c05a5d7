global using System.Net;
global using Microsoft.Playwright;
global using Sen.Browser.Tests.Infrastructure;
