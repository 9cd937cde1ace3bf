using System.Text.Json;

namespace Verity.Mcp.Tools;

/// <summary>
/// JSON Schema equality (<see cref="JsonElement.DeepEquals"/>: numbers by value, objects regardless of member order)
/// with a hash that agrees with it, so <c>uniqueItems</c> is one pass over a hash set instead of comparing every pair.
/// Only called on values whose strings and numbers <see cref="UnrepresentableValues"/> has found readable.
/// </summary>
internal sealed class JsonValueComparer : IEqualityComparer<JsonElement>
{
    public static JsonValueComparer Instance { get; } = new();

    private JsonValueComparer()
    {
    }

    public bool Equals(JsonElement x, JsonElement y) => JsonElement.DeepEquals(x, y);

    public int GetHashCode(JsonElement obj)
    {
        switch (obj.ValueKind)
        {
            case JsonValueKind.String:
                return HashCode.Combine(JsonValueKind.String, StringComparer.Ordinal.GetHashCode(obj.GetString()!));
            case JsonValueKind.Number:
                // Equal numbers (1, 1.0, 10e-1, -0 and 0) read as the same double; unequal ones may collide, which is fine.
                var number = obj.GetDouble();
                return HashCode.Combine(JsonValueKind.Number, number == 0 ? 0d : number);
            case JsonValueKind.Array:
                var array = new HashCode();
                array.Add(JsonValueKind.Array);
                foreach (var item in obj.EnumerateArray())
                {
                    array.Add(GetHashCode(item));
                }

                return array.ToHashCode();
            case JsonValueKind.Object:
                // Member order does not count, so the members' hashes are combined by a commutative sum.
                var members = 0;
                foreach (var property in obj.EnumerateObject())
                {
                    members = unchecked(members + HashCode.Combine(StringComparer.Ordinal.GetHashCode(property.Name), GetHashCode(property.Value)));
                }

                return HashCode.Combine(JsonValueKind.Object, members);
            default:
                return obj.ValueKind.GetHashCode();
        }
    }
}
