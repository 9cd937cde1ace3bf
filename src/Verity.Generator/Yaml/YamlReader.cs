using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using Verity.Generator.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Verity.Generator.Yaml;

/// <summary>The text is not valid YAML (or uses YAML that has no JSON meaning); <see cref="Offset"/> is where.</summary>
internal sealed class YamlSyntaxException : Exception
{
    public YamlSyntaxException(string message, int offset)
        : base(message)
    {
        Offset = offset;
    }

    public int Offset { get; }
}

/// <summary>
/// Reads a YAML document into the same position-keeping nodes as <see cref="JsoncReader"/>, so everything after reading
/// (and every diagnostic's line and column) is the same for YAML and JSON. Plain scalars are typed by YAML 1.2's core
/// schema (null, booleans, numbers); quoted ones are strings. Anchors and aliases share one node; merge keys
/// (<c>&lt;&lt;</c>) are applied. Uses YamlDotNet's parser (events with positions), shipped beside the analyzer.
/// </summary>
internal sealed class YamlReader
{
    private const int MaxDepth = 128;

    private static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex YamlInteger = new(@"^[-+]?[0-9]+$", RegexOptions.CultureInvariant);
    private static readonly Regex YamlFloat = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant);

    private readonly IParser _parser;
    private readonly Dictionary<string, JNode> _anchors = new(StringComparer.Ordinal);
    private int _depth;

    private YamlReader(string text)
    {
        _parser = new Parser(new StringReader(text));
    }

    public static JNode Parse(string text)
    {
        var reader = new YamlReader(text);
        try
        {
            return reader.ReadDocument();
        }
        catch (YamlException exception)
        {
            throw new YamlSyntaxException(Trim(exception.Message), Offset(exception.Start));
        }
    }

    private JNode ReadDocument()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out var empty))
        {
            throw new YamlSyntaxException("The document is empty.", Offset(empty.Start));
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode();
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var next))
        {
            throw new YamlSyntaxException("The file holds more than one YAML document; keep one.", Offset(next.Start));
        }

        return root;
    }

    private JNode ReadNode()
    {
        if (++_depth > MaxDepth)
        {
            throw new YamlSyntaxException($"Nesting is deeper than {MaxDepth} levels.", Offset(_parser.Current!.Start));
        }

        try
        {
            var current = _parser.Current!;
            switch (current)
            {
                case AnchorAlias alias:
                    _parser.MoveNext();
                    if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                    {
                        throw new YamlSyntaxException($"Alias '*{alias.Value.Value}' has no anchor before it.", Offset(alias.Start));
                    }

                    return target;
                case Scalar scalar:
                    _parser.MoveNext();
                    return Remember(scalar.Anchor, ReadScalar(scalar));
                case SequenceStart sequence:
                    return ReadSequence(sequence);
                case MappingStart mapping:
                    return ReadMapping(mapping);
                default:
                    throw new YamlSyntaxException($"Unexpected {current.GetType().Name}.", Offset(current.Start));
            }
        }
        finally
        {
            _depth--;
        }
    }

    private JNode ReadSequence(SequenceStart start)
    {
        _parser.MoveNext();
        var items = new List<JNode>();
        while (!_parser.Accept<SequenceEnd>(out _))
        {
            items.Add(ReadNode());
        }

        var end = _parser.Consume<SequenceEnd>();
        return Remember(start.Anchor, new JArray(Offset(start.Start), Offset(end.End), items));
    }

    private JNode ReadMapping(MappingStart start)
    {
        _parser.MoveNext();
        var properties = new List<JProperty>();
        var merged = new List<JObject>();
        while (!_parser.Accept<MappingEnd>(out _))
        {
            if (_parser.Current is not Scalar key)
            {
                throw new YamlSyntaxException("A mapping key must be a plain or quoted scalar to have a JSON meaning.", Offset(_parser.Current!.Start));
            }

            _parser.MoveNext();
            var value = ReadNode();
            if (key.Value == "<<" && key.Style == ScalarStyle.Plain)
            {
                CollectMerge(value, merged, key);
                continue;
            }

            properties.Add(new JProperty(key.Value, Offset(key.Start), Offset(key.End), value));
        }

        var end = _parser.Consume<MappingEnd>();
        foreach (var source in merged)
        {
            foreach (var property in source.Properties)
            {
                if (properties.FindIndex(p => p.Name == property.Name) < 0)
                {
                    properties.Add(property);
                }
            }
        }

        return Remember(start.Anchor, new JObject(Offset(start.Start), Offset(end.End), properties));
    }

    private static void CollectMerge(JNode value, List<JObject> merged, Scalar key)
    {
        switch (value)
        {
            case JObject single:
                merged.Add(single);
                return;
            case JArray list when list.Items.TrueForAll(static item => item is JObject):
                foreach (var item in list.Items)
                {
                    merged.Add((JObject)item);
                }

                return;
            default:
                throw new YamlSyntaxException("A merge key ('<<') must be given a mapping or a list of mappings.", Offset(key.Start));
        }
    }

    private JNode Remember(AnchorName anchor, JNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }

    private static JNode ReadScalar(Scalar scalar)
    {
        var start = Offset(scalar.Start);
        var end = Offset(scalar.End);
        var text = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || !scalar.Tag.IsEmpty)
        {
            return scalar.Tag.IsEmpty || scalar.Tag.Value is "tag:yaml.org,2002:str" or "!"
                ? new JString(start, end, text)
                : Typed(scalar, start, end, text);
        }

        return Resolve(start, end, text);
    }

    /// <summary>A plain scalar's JSON value under YAML 1.2's core schema.</summary>
    private static JNode Resolve(int start, int end, string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return new JNull(start, end);
            case "true" or "True" or "TRUE":
                return new JBool(start, end, true);
            case "false" or "False" or "FALSE":
                return new JBool(start, end, false);
        }

        return Number(text) is { } number ? new JNumber(start, end, number) : new JString(start, end, text);
    }

    private static JNode Typed(Scalar scalar, int start, int end, string text)
    {
        switch (scalar.Tag.Value)
        {
            case "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float":
                return Number(text) is { } number ? new JNumber(start, end, number) : throw new YamlSyntaxException($"'{text}' is not a number.", start);
            case "tag:yaml.org,2002:bool" or "tag:yaml.org,2002:null":
                return Resolve(start, end, text);
            default:
                throw new YamlSyntaxException($"Tag '{scalar.Tag.Value}' has no JSON meaning; remove it.", start);
        }
    }

    /// <summary>The number as JSON writes it, or null when the text is no number (<c>.inf</c> and <c>.nan</c> are not).</summary>
    private static string? Number(string text)
    {
        if (JsonNumber.IsMatch(text))
        {
            return text;
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return hex.ToString(CultureInfo.InvariantCulture);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && text.Length > 2)
        {
            try
            {
                return Convert.ToInt64(text.Substring(2), 8).ToString(CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        if (YamlInteger.IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        if (YamlFloat.IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && !double.IsInfinity(real))
        {
            return real.ToString("R", CultureInfo.InvariantCulture);
        }

        return null;
    }

    private static int Offset(Mark mark) => (int)Math.Min(mark.Index, int.MaxValue);

    /// <summary>YamlDotNet starts its messages with the position, which the diagnostic gives on its own.</summary>
    private static string Trim(string message)
    {
        var close = message.StartsWith("(", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close < 0 ? message : message.Substring(close + 3);
    }
}
