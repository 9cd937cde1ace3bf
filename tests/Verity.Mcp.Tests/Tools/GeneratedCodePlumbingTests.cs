using System.ComponentModel;
using System.Reflection;
using Verity.Mcp.Tools;

namespace Verity.Mcp.Tests.Tools;

/// <summary>Types only generated code calls stay out of a consumer's IntelliSense, as System.Text.Json hides its own helpers.</summary>
public sealed class GeneratedCodePlumbingTests
{
    public static TheoryData<Type> Plumbing => new(typeof(ToolJson), typeof(ToolArguments), typeof(ApiRequestBuilder), typeof(ApiValueFormatter));

    [Theory]
    [MemberData(nameof(Plumbing))]
    public void Plumbing_for_generated_code_is_hidden_from_IntelliSense(Type type)
    {
        var attribute = type.GetCustomAttribute<EditorBrowsableAttribute>();

        Assert.NotNull(attribute);
        Assert.Equal(EditorBrowsableState.Never, attribute.State);
    }

    [Fact]
    public void Types_a_consumer_uses_stay_visible()
    {
        Assert.Null(typeof(Optional<>).GetCustomAttribute<EditorBrowsableAttribute>());
        Assert.Null(typeof(EndpointDescriptor).GetCustomAttribute<EditorBrowsableAttribute>());
    }
}
