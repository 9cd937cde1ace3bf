using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Verity.Generator.Catalog;

namespace Verity.Generator.OpenApi;

/// <summary>
/// Tool names of an OpenAPI document's operations: the <c>operationId</c> with every character a tool name cannot
/// have turned into <c>_</c> (<c>repos/get-content</c> → <c>repos_get-content</c>); without one, method + path as
/// for catalogs, with the path parameters as words when several operations would get the same name that way
/// (<c>GET /accounts</c> and <c>GET /accounts/{id}</c>: <c>get_accounts</c>, <c>get_accounts_id</c>). A name that would be
/// over 64 characters with the prefix is cut and given a short hash of the whole, so it stays unique.
/// </summary>
internal sealed class OpenApiToolNames
{
    private const int MaxLength = 64;
    private const int HashLength = 8;

    private readonly string _prefix;
    private readonly Dictionary<string, int> _derived = new(StringComparer.Ordinal);

    public OpenApiToolNames(string prefix)
    {
        _prefix = prefix;
    }

    public int PrefixLength => _prefix.Length;

    /// <summary>Counts an operation without operationId first, so names shared by several are known before any is given.</summary>
    public void Count(string method, string path)
    {
        var name = EndpointReader.DeriveToolName(method, path);
        _derived[name] = _derived.TryGetValue(name, out var count) ? count + 1 : 1;
    }

    /// <summary>The name (without prefix), and the uncut name when it had to be shortened.</summary>
    public (string Name, string? Shortened) Derive(string? operationId, string method, string path)
    {
        var name = operationId is null ? null : Sanitize(operationId);
        if (string.IsNullOrEmpty(name))
        {
            name = EndpointReader.DeriveToolName(method, path);
            if (_derived.TryGetValue(name, out var count) && count > 1)
            {
                name = DeriveWithParameters(method, path);
            }
        }

        string? shortened = null;
        if (_prefix.Length + name!.Length > MaxLength && _prefix.Length + HashLength + 2 < MaxLength)
        {
            shortened = name;
            var keep = MaxLength - _prefix.Length - HashLength - 1;
            name = name.Substring(0, keep).TrimEnd('_', '-', '.') + "_" + Hash(name);
        }

        return (name, shortened);
    }

    internal static string Sanitize(string operationId)
    {
        var builder = new StringBuilder(operationId.Length);
        foreach (var c in operationId)
        {
            var valid = (c < 128 && char.IsLetterOrDigit(c)) || c is '_' or '-' or '.';
            if (valid)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        return builder.ToString().TrimEnd('_');
    }

    /// <summary><c>GET /accounts/{stake_address}/rewards</c> → <c>get_accounts_stake_address_rewards</c>.</summary>
    private static string DeriveWithParameters(string method, string path) =>
        EndpointReader.DeriveToolName(method, path.Replace("{", string.Empty).Replace("}", string.Empty));

    /// <summary>FNV-1a: stable across runs and platforms (string.GetHashCode is not).</summary>
    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
