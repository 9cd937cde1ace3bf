namespace Verity.DevStack.Api;

/// <summary>An answer other than success, thrown by a handler and written as the API's JSON error body.</summary>
internal sealed class SampleApiException(int statusCode, string code, string message, IReadOnlyList<ApiFieldError>? details = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public IReadOnlyList<ApiFieldError>? Details { get; } = details;

    public static SampleApiException NotFound(string what, string id) =>
        new(404, "not_found", $"No {what} with id {id}.");

    public static SampleApiException BadRequest(string code, string message) => new(400, code, message);

    public static SampleApiException Invalid(IReadOnlyList<ApiFieldError> details) =>
        new(422, "validation_failed", details.Count == 1
            ? $"Invalid {details[0].Field}: {details[0].Message}"
            : $"{details.Count} fields are invalid: " + string.Join("; ", details.Select(d => $"{d.Field}: {d.Message}")), details);
}
