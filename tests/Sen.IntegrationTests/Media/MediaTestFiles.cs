using System.IO.Compression;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace Sen.IntegrationTests.Media;

/// <summary>Uploads made in the test: real images, a camera photo with GPS, and the forged files an attacker sends.</summary>
internal static class MediaTestFiles
{
    public const string CameraMake = "SenTestCamera";
    public const string XmpMarker = "SenTestXmp";

    public static byte[] Jpeg(int width, int height, Action<Image>? before = null) => Save(width, height, before, (image, stream) => image.SaveAsJpeg(stream));

    public static byte[] Png(int width, int height) => Save(width, height, null, (image, stream) => image.SaveAsPng(stream));

    /// <summary>A phone photo: EXIF with GPS position, camera make and "rotate 90° clockwise" orientation, plus XMP.</summary>
    public static byte[] CameraJpeg(int width, int height) => Jpeg(width, height, image =>
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(21, 1), new Rational(1, 1), new Rational(42, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(105, 1), new Rational(51, 1), new Rational(12, 1)]);
        exif.SetValue(ExifTag.Make, CameraMake);
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes($"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">{XmpMarker}</x:xmpmeta>"));
    });

    /// <summary>A whole JPEG carrying HTML in a comment segment and a PHP script after its end.</summary>
    public static byte[] Polyglot()
    {
        var jpeg = Jpeg(120, 80);
        var html = Encoding.ASCII.GetBytes("<html><script>alert(document.cookie)</script></html>");
        var comment = new byte[4 + html.Length];
        comment[0] = 0xFF;
        comment[1] = 0xFE;
        comment[2] = (byte)((html.Length + 2) >> 8);
        comment[3] = (byte)(html.Length + 2);
        html.CopyTo(comment, 4);
        return [.. jpeg[..2], .. comment, .. jpeg[2..], .. Encoding.ASCII.GetBytes("<?php system($_GET['c']); ?>")];
    }

    /// <summary>
    /// A valid PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels: one bit per
    /// pixel, every row zero, so the file is small while decoding it would take gigabytes.
    /// </summary>
    public static byte[] HugePng(int width, int height)
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + ((width + 7) / 8)];
            for (var y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", pixels.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    public static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var typed = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(length);
        png.Write(typed);
        png.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static byte[] Save(int width, int height, Action<Image>? before, Action<Image, Stream> save)
    {
        using var image = new Image<Rgba32>(width, height);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                var row = rows.GetRowSpan(y);
                for (var x = 0; x < row.Length; x++)
                {
                    row[x] = new Rgba32((byte)x, (byte)y, (byte)(x ^ y));
                }
            }
        });
        before?.Invoke(image);
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }
}
