namespace Verity.DevStack.Api;

// The wire shapes of the sample Verity API, as the catalog's components.schemas describe them.
// Optional fields are written as explicit nulls, like the real API.

public sealed record Agent(
    string Id,
    string Name,
    string? Description,
    string Status,
    string Voice,
    string Language,
    string? PhoneNumberId,
    DateTimeOffset CreatedAt);

public sealed record AgentPage(IReadOnlyList<Agent> Data, string? NextCursor);

public sealed record Call(
    string Id,
    string AgentId,
    string ToNumber,
    string? FromNumber,
    string? ContactName,
    string? Context,
    bool IsTest,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    int? DurationSeconds);

public sealed record CallPage(IReadOnlyList<Call> Data, string? NextCursor);

public sealed record TranscriptTurn(string Speaker, string Text, double OffsetSeconds);

public sealed record Transcript(string CallId, string Status, IReadOnlyList<TranscriptTurn> Turns, string? Summary);

public sealed record Contact(
    string Id,
    string Name,
    string PhoneNumber,
    string? Email,
    string? Company,
    IReadOnlyList<string> Tags,
    string? Notes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);

public sealed record ContactPage(IReadOnlyList<Contact> Data, string? NextCursor);

public sealed record PhoneNumber(string Id, string Number, string? Label, IReadOnlyList<string> Capabilities, string? AssignedAgentId);

public sealed record PhoneNumberList(IReadOnlyList<PhoneNumber> Data);

public sealed record DeleteResult(string Id, bool Deleted);

/// <summary>The error body of every non-2xx answer: <c>{"error":{"code","message","details"}}</c>.</summary>
public sealed record ApiErrorBody(ApiError Error);

public sealed record ApiError(string Code, string Message, IReadOnlyList<ApiFieldError>? Details);

public sealed record ApiFieldError(string Field, string Message);
