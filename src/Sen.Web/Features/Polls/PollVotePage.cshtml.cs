using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace Sen.Web.Features.Polls;

/// <summary>
/// Voting in a poll (/tham-do/{id}/binh-chon). Never cached. GET shows the poll's form with its own
/// antiforgery token, the options chosen in the sidebar (?lua-chon=) already ticked: that is where the
/// sidebar's plain form leads without JavaScript. POST counts the ballot: the form's POST renders this
/// page with the outcome and the results; the sidebar script's POST (Accept: application/json, the token
/// from ?handler=Token in a header) gets JSON. The token is checked here rather than by the framework, so
/// that a missing one is answered in Vietnamese, as a page or as JSON. See docs/POLLS.md.
/// </summary>
[IgnoreAntiforgeryToken]
[EnableRateLimiting(PollRateLimits.Policy)]
public sealed class PollVotePageModel(
    ReadPolls polls,
    CastVote castVote,
    PollVoteCookie voteCookie,
    IAntiforgery antiforgery,
    IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>The form field (and query parameter) of the chosen options.</summary>
    public const string ChoiceField = "lua-chon";

    public PollResults Poll { get; private set; } = null!;

    public IReadOnlyList<int> Chosen { get; private set; } = [];

    /// <summary>Whether the form is shown: the poll takes votes and this reader has not voted.</summary>
    public bool CanVote { get; private set; }

    /// <summary>What happened, for the status line; null on a plain GET of an open poll.</summary>
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var poll = await polls.ResultsAsync(id, cancellationToken);
        if (poll is null)
        {
            return NotFound();
        }

        Poll = poll;
        if (!TryReadChoices(Request.Query[ChoiceField], out var chosen))
        {
            return Answer(StatusCodes.Status400BadRequest, "Poll.Vote.BadChoice");
        }

        Chosen = chosen;
        if (!poll.AcceptsVotes)
        {
            Message = text["Poll.Vote.PollClosed"];
        }
        else if (voteCookie.HasVoted(Request, id))
        {
            Message = text["Poll.Vote.AlreadyVoted"];
        }
        else
        {
            CanVote = true;
        }

        return Page();
    }

    /// <summary>A fresh antiforgery token (and its cookie) for the sidebar script; never cached.</summary>
    public IActionResult OnGetToken()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new TokenResponse(tokens.RequestToken!, tokens.HeaderName ?? "RequestVerificationToken"));
    }

    public sealed record TokenResponse(string Token, string HeaderName);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, "Poll.Vote.NoToken", cancellationToken);
        }

        var form = Request.HasFormContentType ? (await Request.ReadFormAsync(cancellationToken))[ChoiceField] : StringValues.Empty;
        if (!TryReadChoices(form, out var chosen))
        {
            return await RefuseAsync(id, StatusCodes.Status400BadRequest, "Poll.Vote.BadChoice", cancellationToken);
        }

        var result = await castVote.HandleAsync(new CastVote.Command(id, chosen, voteCookie.HasVoted(Request, id)), cancellationToken);
        if (result.Outcome == CastVote.Outcome.Counted)
        {
            voteCookie.Remember(HttpContext, id);
        }

        if (PollJson.Wanted(Request))
        {
            Response.Headers.CacheControl = "no-store";
            return new JsonResult(new PollJson.Response(text[result.MessageKey], result.Results)) { StatusCode = result.StatusCode };
        }

        if (result.Results is null)
        {
            return NotFound();
        }

        Poll = result.Results;
        Chosen = chosen;

        // After a refused choice the reader may choose again; after anything else the results are what is left to see.
        CanVote = result.Outcome is CastVote.Outcome.NoChoice or CastVote.Outcome.BadChoice;
        return Answer(result.StatusCode, result.MessageKey);
    }

    private async Task<IActionResult> RefuseAsync(int id, int status, string messageKey, CancellationToken cancellationToken)
    {
        if (PollJson.Wanted(Request))
        {
            Response.Headers.CacheControl = "no-store";
            return new JsonResult(new PollJson.Response(text[messageKey])) { StatusCode = status };
        }

        var poll = await polls.ResultsAsync(id, cancellationToken);
        if (poll is null)
        {
            return NotFound();
        }

        Poll = poll;
        CanVote = poll.AcceptsVotes && !voteCookie.HasVoted(Request, id);
        return Answer(status, messageKey);
    }

    private PageResult Answer(int status, string messageKey)
    {
        Message = text[messageKey];
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>Option ids as sent: each a positive whole number, at most <see cref="CastVote.MaxChoices"/> of them.</summary>
    internal static bool TryReadChoices(StringValues values, out IReadOnlyList<int> chosen)
    {
        var ids = new List<int>();
        chosen = ids;
        if (values.Count > CastVote.MaxChoices)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return false;
            }

            ids.Add(id);
        }

        return true;
    }
}
