using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Sen.Tests.Media;

/// <summary>Small files of every kind the sniffer meets, made in the test so each byte is known.</summary>
internal static class TestFiles
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;
    private const uint FatSector = 0xFFFFFFFD;

    public static byte[] Jpeg(int width = 64, int height = 48) => Save(width, height, (image, stream) => image.SaveAsJpeg(stream));

    public static byte[] Png(int width = 64, int height = 48) => Save(width, height, (image, stream) => image.SaveAsPng(stream));

    public static byte[] Webp(int width = 64, int height = 48) =>
        Save(width, height, (image, stream) => image.SaveAsWebp(stream, new WebpEncoder { FileFormat = WebpFileFormatType.Lossy }));

    public static byte[] Gif(int frames = 1)
    {
        using var image = new Image<Rgba32>(32, 24, new Rgba32(20, 120, 200));
        for (var i = 1; i < frames; i++)
        {
            image.Frames.CreateFrame(new Rgba32((byte)(40 * i), 10, 10));
        }

        using var stream = new MemoryStream();
        image.SaveAsGif(stream);
        return stream.ToArray();
    }

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A zip with a [Content_Types].xml naming <paramref name="partName"/> as <paramref name="contentType"/>, and the given entries.</summary>
    public static byte[] OfficeZip(string partName, string contentType, params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="{partName}" ContentType="{contentType}"/>
                </Types>
                """);
            foreach (var entry in entries)
            {
                Write(zip, entry, "<x/>");
            }
        }

        return stream.ToArray();

        static void Write(ZipArchive zip, string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
            writer.Write(text);
        }
    }

    /// <summary>
    /// A minimal OLE2 compound file (512-byte sectors: header, one FAT sector, one directory sector)
    /// whose directory holds the root and up to three entries; <paramref name="storages"/> are storages, the rest streams.
    /// </summary>
    public static byte[] CompoundFile(string[] streams, string[]? storages = null)
    {
        var file = new byte[512 * 3];
        var span = file.AsSpan();
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(span[0x20..], 6);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x2C..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x30..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x38..], 4096);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x3C..], EndOfChain);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x44..], EndOfChain);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(0x4C + (i * 4))..], i == 0 ? 0 : FreeSector);
        }

        var fat = span.Slice(512, 512);
        for (var i = 0; i < 128; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(fat[(i * 4)..], i switch { 0 => FatSector, 1 => EndOfChain, _ => FreeSector });
        }

        var directory = span.Slice(1024, 512);
        var entries = new[] { ("Root Entry", (byte)5) }
            .Concat(streams.Select(s => (s, (byte)2)))
            .Concat((storages ?? []).Select(s => (s, (byte)1)))
            .ToArray();
        Assert.True(entries.Length <= 4, "One directory sector holds four entries.");
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = directory.Slice(i * 128, 128);
            var name = Encoding.Unicode.GetBytes(entries[i].Item1);
            name.CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[64..], (ushort)(name.Length + 2));
            entry[66] = entries[i].Item2;
        }

        return file;
    }

    private static byte[] Save(int width, int height, Action<Image, Stream> save)
    {
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgba32((byte)(x * 4), (byte)(y * 5), 90);
            }
        }

        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }
}
