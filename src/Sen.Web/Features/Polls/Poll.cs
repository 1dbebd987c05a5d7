namespace Sen.Web.Features.Polls;

/// <summary>An opinion poll ("Thăm dò ý kiến") of one site: a question and its options.</summary>
public sealed class Poll
{
    public const int MaxQuestionLength = 500;

    public int Id { get; set; }

    public int SiteId { get; set; }

    public required string Question { get; set; }

    public PollKind Kind { get; set; }

    public PollStatus Status { get; set; }

    /// <summary>When voting starts (UTC); null: as soon as the poll is open.</summary>
    public DateTime? OpensAt { get; set; }

    /// <summary>When voting ends (UTC); null: until the poll is closed.</summary>
    public DateTime? ClosesAt { get; set; }

    /// <summary>How many readers voted (ballots), counted atomically with the options' votes.</summary>
    public int BallotCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<PollOption> Options { get; set; } = [];

    /// <summary>Whether a vote is taken at <paramref name="now"/>.</summary>
    public bool AcceptsVotesAt(DateTime now) => IsOpen(Status, OpensAt, ClosesAt, now);

    public static bool IsOpen(PollStatus status, DateTime? opensAt, DateTime? closesAt, DateTime now) =>
        status == PollStatus.Open && (opensAt == null || opensAt <= now) && (closesAt == null || closesAt > now);
}

/// <summary>One answer a reader can choose.</summary>
public sealed class PollOption
{
    public const int MaxTextLength = 300;

    public int Id { get; set; }

    public int PollId { get; set; }

    public required string Text { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Votes for this option, incremented by one atomic UPDATE per ballot.</summary>
    public int VoteCount { get; set; }
}

public enum PollKind
{
    /// <summary>One option per ballot (radio buttons).</summary>
    SingleChoice = 0,

    /// <summary>Any number of options per ballot (checkboxes).</summary>
    MultipleChoice = 1,
}

public enum PollStatus
{
    /// <summary>Being prepared: not shown to readers.</summary>
    Draft = 0,

    /// <summary>Taking votes between its dates.</summary>
    Open = 1,

    /// <summary>No more votes; results stay public.</summary>
    Closed = 2,
}
