using System.IO.Compression;
using System.Xml.Linq;

namespace Verity.Packaging.Tests.Infrastructure;

/// <summary>A .nupkg opened as the zip it is: its entry paths, any entry's text, and its nuspec.</summary>
internal sealed class NupkgFile : IDisposable
{
    private readonly ZipArchive _archive;

    public NupkgFile(string path)
    {
        _archive = ZipFile.OpenRead(path);
        Entries = [.. _archive.Entries.Select(entry => entry.FullName)];
        var nuspecEntry = _archive.Entries.Single(entry => !entry.FullName.Contains('/') && entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        Nuspec = XDocument.Load(stream);
    }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    public XElement Metadata => Nuspec.Root!.Elements().Single(element => element.Name.LocalName == "metadata");

    public string? MetadataValue(string name) => Metadata.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;

    public XElement? MetadataElement(string name) => Metadata.Elements().FirstOrDefault(element => element.Name.LocalName == name);

    public IEnumerable<XElement> Descendants(string localName) => Metadata.Descendants().Where(element => element.Name.LocalName == localName);

    public string ReadText(string entryPath)
    {
        var entry = _archive.GetEntry(entryPath) ?? throw new InvalidOperationException($"The package has no '{entryPath}'.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    public void Dispose() => _archive.Dispose();
}
