using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Polls;
using Sen.Web.Infrastructure.Caching;

namespace Sen.Web.Features.Api;

/// <summary>
/// GET /api/v1/polls, GET /api/v1/polls/{pollId} (results) and POST /api/v1/polls/{pollId}/votes. A vote goes through
/// CastVote, the signed cookie and the per-address limit exactly as the sidebar's does. Instead of an antiforgery
/// token the vote takes only a JSON body: a browser sends no cross-site JSON POST without a CORS preflight, and
/// the API's CORS policy allows GET only, so another site cannot make a reader vote.
/// </summary>
public static class PollsApi
{
    public const string ListPath = "/polls";
    public const string DetailPath = "/polls/{pollId}";
    public const string VotePath = "/polls/{pollId}/votes";

    public static RouteGroupBuilder MapPollsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet(ListPath, ListAsync)
            .WithName("ListPolls")
            .Produces<IReadOnlyList<ApiPoll>>()
            .WithApiResponses(badRequest: false)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime));
        api.MapGet(DetailPath, DetailAsync)
            .WithName("GetPoll")
            .WithMetadata(new ApiParameters([new("pollId", "integer", Required: true, Example: "1", InPath: true)]))
            .Produces<ApiPoll>()
            .WithApiResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .CacheOutput(new ApiCachePolicy(PublicCache.Lifetime));
        api.MapPost(VotePath, VoteAsync)
            .WithName("VotePoll")
            .WithMetadata(new ApiParameters([new("pollId", "integer", Required: true, Example: "1", InPath: true)]))
            // Not .Accepts<ApiVote>(): routing would then skip the endpoint for a form post and answer with the
            // catch-all's 404; the handler itself answers 415 with a problem. The body is documented by ApiRequestBody.
            .WithMetadata(ApiRequestBody.Json("Api.Body.Vote", ("options", "integer[]")))
            .Produces<ApiVoteResult>()
            .WithApiResponses()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .RequireRateLimiting(PollRateLimits.Policy)
            .DisableAntiforgery();
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ApiPoll>>> ListAsync(HttpContext http, ReadPolls polls, CancellationToken cancellationToken)
    {
        var list = await polls.ListAsync(cancellationToken).ConfigureAwait(false);
        PublicCache.Tag(http, PollCacheTags.List);
        foreach (var poll in list)
        {
            PublicCache.Tag(http, PollCacheTags.Poll(poll.Id));
        }

        return TypedResults.Ok<IReadOnlyList<ApiPoll>>([.. list.Select(ApiPoll.From)]);
    }

    private static async Task<Results<Ok<ApiPoll>, ProblemHttpResult>> DetailAsync(HttpContext http, string pollId, ReadPolls polls, CancellationToken cancellationToken)
    {
        if (!ApiQuery.TryId(pollId, out var id))
        {
            return ApiProblems.BadRequest(http, "Api.BadId");
        }

        var poll = await polls.ResultsAsync(id, cancellationToken).ConfigureAwait(false);
        if (poll is null)
        {
            return ApiProblems.NotFound(http, "Api.PollNotFound");
        }

        PublicCache.Tag(http, PollCacheTags.Poll(poll.Id));
        return TypedResults.Ok(ApiPoll.From(poll));
    }

    private static async Task<Results<Ok<ApiVoteResult>, ProblemHttpResult>> VoteAsync(
        HttpContext http, string pollId, CastVote castVote, PollVoteCookie voteCookie, IStringLocalizer<SharedResource> text, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (!ApiQuery.TryId(pollId, out var id))
        {
            return ApiProblems.BadRequest(http, "Api.BadId");
        }

        if (!http.Request.HasJsonContentType())
        {
            return ApiProblems.Problem(http, StatusCodes.Status415UnsupportedMediaType, "Api.Problem.UnsupportedMediaType", "Api.VoteNeedsJson");
        }

        ApiVote? vote;
        try
        {
            vote = await http.Request.ReadFromJsonAsync<ApiVote>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            vote = null;
        }

        if (vote?.Options is not { Count: > 0 and <= CastVote.MaxChoices } options || options.Any(o => o <= 0))
        {
            return ApiProblems.BadRequest(http, "Poll.Vote.BadChoice");
        }

        var result = await castVote.HandleAsync(new CastVote.Command(id, options, voteCookie.HasVoted(http.Request, id)), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != CastVote.Outcome.Counted)
        {
            var title = result.StatusCode switch
            {
                StatusCodes.Status404NotFound => "Api.Problem.NotFound",
                StatusCodes.Status409Conflict => "Api.Problem.Conflict",
                _ => "Api.Problem.BadRequest",
            };
            return ApiProblems.Problem(http, result.StatusCode, title, result.MessageKey);
        }

        voteCookie.Remember(http, id);
        return TypedResults.Ok(new ApiVoteResult(text[result.MessageKey], ApiPoll.From(result.Results!)));
    }
}

/// <summary>A vote: the ids of the chosen options (one for a single-choice poll).</summary>
public sealed record ApiVote(IReadOnlyList<int>? Options);

public sealed record ApiVoteResult(string Message, ApiPoll Poll);

/// <summary>A poll with its counts; Percent is of the ballots (with multiple choice they can add up to more than 100).</summary>
public sealed record ApiPoll(
    int Id,
    string Question,
    bool MultipleChoice,
    bool AcceptsVotes,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int Ballots,
    IReadOnlyList<ApiPollOption> Options,
    string Url)
{
    public static ApiPoll From(PollResults poll)
    {
        ArgumentNullException.ThrowIfNull(poll);
        return new(
            poll.Id,
            poll.Question,
            poll.Kind == PollKind.MultipleChoice,
            poll.AcceptsVotes,
            poll.OpensAt is { } opens ? ApiTime.Vietnam(opens) : null,
            poll.ClosesAt is { } closes ? ApiTime.Vietnam(closes) : null,
            poll.Ballots,
            [.. poll.Options.Select(o => new ApiPollOption(o.Id, o.Text, o.Votes, o.Percent))],
            poll.ResultsUrl);
    }
}

public sealed record ApiPollOption(int Id, string Text, int Votes, double Percent);
