using System.Globalization;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Http;

/// <summary>
/// The words of a success result and of the errors a 2xx answer can still turn into: each says what the API
/// answered, whether it carried out the request, and what to do next.
/// </summary>
internal static class SuccessResultTexts
{
    private const string OutOfDate = "the catalog may be out of date with the API";

    public static string Done(EndpointDescriptor endpoint, ApiResponse response) =>
        $"Done: {endpoint.ToolName} succeeded ({Status(response)}) with no content.";

    public static string Binary(ApiResponse response) =>
        $"The API answered with {ContentKinds.MediaType(response.ContentType) ?? "binary"} content of {Size(response.TotalLength ?? response.Body.Length)}, which is not shown here.";

    public static string EmptyNotAccepted(EndpointDescriptor endpoint, ApiResponse response, ArgumentError mismatch) =>
        $"{endpoint.ToolName}: the API answered {Status(response)} with no content, but the tool's output schema expects content ({mismatch}; {OutOfDate}).{Acted(endpoint)}";

    public static string BinaryNotAccepted(EndpointDescriptor endpoint, ApiResponse response) =>
        $"{endpoint.ToolName}: the API answered {Status(response)} with {ContentKinds.MediaType(response.ContentType) ?? "binary"} content of {Size(response.TotalLength ?? response.Body.Length)}, "
        + $"not the JSON the tool's output schema describes ({OutOfDate}).{Acted(endpoint)} The content is not shown here.";

    public static string NotJson(EndpointDescriptor endpoint, ApiResponse response, string answer) =>
        $"{endpoint.ToolName}: the API answered {Status(response)} with {ContentKinds.MediaType(response.ContentType) ?? "text"} that is not JSON, "
        + $"but the tool's output schema describes a JSON answer ({OutOfDate}).{Acted(endpoint)} The answer as received:\n{answer}";

    public static string Mismatch(EndpointDescriptor endpoint, ApiResponse response, ArgumentError mismatch, string answer) =>
        $"{endpoint.ToolName}: the API answered {Status(response)}, but the answer does not match the tool's output schema at {mismatch} "
        + $"({OutOfDate}).{Acted(endpoint)} The answer:\n{answer}";

    public static string TooLarge(EndpointDescriptor endpoint, ApiResponse response, NarrowingArguments narrowing, string firstPart, string limitKey) =>
        $"{endpoint.ToolName}: the API answered {Status(response)}, but the answer ({Total(response)}) is larger than the {Size(response.Body.Length)} limit ({limitKey}), "
        + $"and the part that fits is not a whole answer the tool's output schema accepts.{Acted(endpoint)} {Advice("To get it", narrowing, itemsThatFit: null, limitKey)} "
        + $"The first {Size(response.Body.Length)} of the answer:\n{firstPart}";

    /// <summary>The note beside a salvaged list: what was cut, and how to get the rest.</summary>
    public static string SalvageNote(ApiResponse response, CutJsonSalvage.Salvage salvage, NarrowingArguments narrowing, string limitKey)
    {
        var items = salvage.ItemCount == 1 ? "item" : "items";
        var shown = salvage.ListName is null
            ? string.Create(CultureInfo.InvariantCulture, $"the first {salvage.ItemCount} {items} of the list")
            : string.Create(CultureInfo.InvariantCulture, $"the first {salvage.ItemCount} {items} of `{salvage.ListName}` and the properties before it");
        var left = salvage.ListName is null ? "more items were left out" : $"more items, and anything after `{salvage.ListName}`, were left out";
        return $"[Answer cut at the {Size(response.Body.Length)} limit ({limitKey}): it was {Total(response)}, so {Cut(response)} was not read. "
            + $"Shown: {shown}; {left}. {Advice("To get the rest", narrowing, salvage.ItemCount, limitKey)}]";
    }

    /// <summary>The note after cut text of a tool without an output schema.</summary>
    public static string CutTextNote(ApiResponse response, NarrowingArguments narrowing, string limitKey)
    {
        var shown = response.Body.Length;
        var missing = response.TotalLength is { } total
            ? $"the first {Size(shown)} of {Size(total)} ({Size(total - shown)} cut)"
            : $"the first {Size(shown)}; more than {Size(ResponseBodyReader.CountBeyondLimit)} more was cut";
        var less = narrowing.Describe() is { } advice ? $"with {advice}" : "(filters, a smaller limit, paging)";
        return $"[Response cut: showing {missing}. Ask for less {less} or raise {limitKey}.]";
    }

    private static string Advice(string toGet, NarrowingArguments narrowing, int? itemsThatFit, string limitKey) =>
        narrowing.Describe(itemsThatFit) is { } advice
            ? $"{toGet}, call again with {advice}, or raise {limitKey}."
            : $"The tool has no argument that makes the answer smaller: raise {limitKey} to get it whole.";

    /// <summary>What the caller must know about a request the API did carry out.</summary>
    private static string Acted(EndpointDescriptor endpoint) => endpoint switch
    {
        { ReadOnly: true } => string.Empty,
        { Idempotent: true } => " The API carried out the request (sending it again is safe).",
        _ => " The API carried out the request: do not send it again.",
    };

    private static string Status(ApiResponse response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase)
            ? response.StatusCode.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{response.StatusCode} {response.ReasonPhrase}");

    private static string Total(ApiResponse response) => response.TotalLength is { } total
        ? Size(total)
        : "more than " + RoundSize(response.Body.Length + ResponseBodyReader.CountBeyondLimit);

    private static string Cut(ApiResponse response) => response.TotalLength is { } total
        ? Size(total - response.Body.Length)
        : "more than " + RoundSize(ResponseBodyReader.CountBeyondLimit);

    private static string RoundSize(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0} MB");

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB ({bytes:N0} bytes)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB ({bytes:N0} bytes)"),
    };
}
