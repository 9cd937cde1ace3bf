namespace Verity.DevStack.Api;

/// <summary>The call statuses of the catalog's <c>CallStatus</c> enum.</summary>
public static class CallStatuses
{
    public const string Queued = "queued";
    public const string Ringing = "ringing";
    public const string InProgress = "in_progress";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string NoAnswer = "no_answer";
    public const string Canceled = "canceled";

    public static IReadOnlyList<string> All { get; } = [Queued, Ringing, InProgress, Completed, Failed, NoAnswer, Canceled];

    public static bool IsEnded(string status) => status is Completed or Failed or NoAnswer or Canceled;
}
