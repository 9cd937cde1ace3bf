using Microsoft.AspNetCore.Http;

namespace Verity.DevStack.Clerk;

/// <summary><c>GET /v1/users</c>: a bare array of users, filtered, ordered and paged like Clerk's.</summary>
internal sealed class ClerkUserEndpoints(ClerkInstance instance)
{
    private const string DefaultOrderBy = "-created_at";

    public async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limitProblem = ClerkQueryParameters.TryReadInt(query, "limit", ClerkQueryParameters.DefaultLimit, 1, ClerkQueryParameters.MaxLimit, out var limit);
        var offsetProblem = ClerkQueryParameters.TryReadInt(query, "offset", 0, 0, int.MaxValue, out var offset);
        var orderBy = query["order_by"].Count == 0 ? DefaultOrderBy : query["order_by"].ToString();
        var ordered = Order(instance.Users, orderBy.TrimStart('-', '+'), descending: orderBy.StartsWith('-'));
        var problem = limitProblem
            ?? offsetProblem
            ?? (ordered is null ? ClerkErrors.FormParamValueInvalid("order_by", $"order_by '{orderBy}' is not supported.") : null);
        if (problem is not null || ordered is null)
        {
            await ClerkHttpResponses.WriteProblemAsync(context, problem!);
            return;
        }

        var emails = ClerkQueryParameters.ReadAll(query, "email_address");
        var userIds = ClerkQueryParameters.ReadAll(query, "user_id");
        var page = ordered
            .Where(u => emails.Count == 0 || emails.Contains(u.EmailAddress, StringComparer.OrdinalIgnoreCase))
            .Where(u => userIds.Count == 0 || userIds.Contains(u.Id, StringComparer.Ordinal))
            .Skip(offset)
            .Take(limit)
            .Select(ClerkWireMapper.ToJson)
            .ToList();
        await ClerkHttpResponses.WriteJsonAsync(context, page, ClerkJsonContext.Default.ListClerkUserJson);
    }

    private static IOrderedEnumerable<ClerkUser>? Order(IEnumerable<ClerkUser> users, string field, bool descending) => field switch
    {
        "created_at" => By(users, u => u.CreatedAt, descending),
        "updated_at" => By(users, u => u.UpdatedAt, descending),
        "last_sign_in_at" or "last_active_at" => By(users, u => u.LastSignInAt ?? DateTimeOffset.MinValue, descending),
        "email_address" => By(users, u => u.EmailAddress, descending, StringComparer.OrdinalIgnoreCase),
        "first_name" => By(users, u => u.FirstName, descending, StringComparer.OrdinalIgnoreCase),
        "last_name" => By(users, u => u.LastName, descending, StringComparer.OrdinalIgnoreCase),
        "phone_number" => By(users, u => u.PhoneNumber, descending, StringComparer.Ordinal),
        _ => null,
    };

    private static IOrderedEnumerable<ClerkUser> By<TKey>(IEnumerable<ClerkUser> users, Func<ClerkUser, TKey> key, bool descending, IComparer<TKey>? comparer = null) =>
        (descending ? users.OrderByDescending(key, comparer) : users.OrderBy(key, comparer)).ThenBy(u => u.Id, StringComparer.Ordinal);
}
