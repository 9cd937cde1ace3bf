namespace Verity.Mcp.Tools;

/// <summary>
/// A body property that may be absent, which is not the same as null: in a PATCH, null clears a field
/// while an absent property leaves it alone.
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional value is not set.");

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "(unset)";
}
