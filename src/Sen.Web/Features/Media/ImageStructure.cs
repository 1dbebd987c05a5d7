using System.Buffers.Binary;

namespace Sen.Web.Features.Media;

/// <summary>
/// Walks an image file's container (JPEG markers, PNG chunks, GIF blocks, WebP's RIFF chunks) without
/// decoding pixels: whether the file is whole (decoders fill a truncated image with grey rather than fail)
/// and how many frames it holds (the pixel limit counts every frame).
/// </summary>
internal static class ImageStructure
{
    /// <summary>The file's frame count, or 0 when it is truncated or malformed.</summary>
    public static int Frames(MediaFormat format, ReadOnlySpan<byte> data) =>
        format == MediaFormat.Jpeg ? (JpegIsWhole(data) ? 1 : 0)
        : format == MediaFormat.Png ? (PngIsWhole(data) ? 1 : 0)
        : format == MediaFormat.Gif ? GifFrames(data)
        : format == MediaFormat.Webp ? WebpFrames(data)
        : 0;

    // Whole when the end-of-image marker follows the last scan. Inside a scan a 0xFF byte is always
    // followed by 0x00 or a restart marker, so the first other marker after it ends the scan.
    private static bool JpegIsWhole(ReadOnlySpan<byte> data)
    {
        var i = 2;
        var scanned = false;
        while (i + 1 < data.Length)
        {
            if (data[i] != 0xFF)
            {
                return false;
            }

            var marker = data[i + 1];
            i += 2;
            if (marker == 0xFF)
            {
                i--;
                continue;
            }

            if (marker == 0xD9)
            {
                return scanned;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue;
            }

            if (i + 2 > data.Length)
            {
                return false;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[i..]);
            if (length < 2 || i + length > data.Length)
            {
                return false;
            }

            i += length;
            if (marker == 0xDA)
            {
                scanned = true;
                while (i + 1 < data.Length && !(data[i] == 0xFF && data[i + 1] is not 0x00 and not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }
            }
        }

        return false;
    }

    private static bool PngIsWhole(ReadOnlySpan<byte> data)
    {
        var i = 8;
        while (i + 12 <= data.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
            if (length > int.MaxValue || i + 12L + length > data.Length)
            {
                return false;
            }

            if (data.Slice(i + 4, 4).SequenceEqual("IEND"u8))
            {
                return true;
            }

            i += 12 + (int)length;
        }

        return false;
    }

    private static int GifFrames(ReadOnlySpan<byte> data)
    {
        if (data.Length < 13)
        {
            return 0;
        }

        var i = 13 + ColorTableSize(data[10]);
        var frames = 0;
        while (i < data.Length)
        {
            switch (data[i])
            {
                case 0x3B:
                    return frames;
                case 0x21:
                    i = SkipSubBlocks(data, i + 2);
                    break;
                case 0x2C:
                    if (i + 10 > data.Length)
                    {
                        return 0;
                    }

                    frames++;
                    i = SkipSubBlocks(data, i + 10 + ColorTableSize(data[i + 9]) + 1);
                    break;
                default:
                    return 0;
            }

            if (i < 0)
            {
                return 0;
            }
        }

        return 0;

        static int ColorTableSize(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 0x07) + 1);
    }

    // Data sub-blocks: a length byte, that many bytes, ... until a zero length. -1 when the data ends first.
    private static int SkipSubBlocks(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length)
        {
            var size = data[i];
            i += 1 + size;
            if (size == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static int WebpFrames(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12)
        {
            return 0;
        }

        var end = 8L + BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (end > data.Length)
        {
            return 0;
        }

        var i = 12L;
        var frames = 0;
        var image = false;
        while (i + 8 <= end)
        {
            var chunk = data.Slice((int)i, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[((int)i + 4)..]);
            if (chunk.SequenceEqual("ANMF"u8))
            {
                frames++;
            }

            image |= chunk.SequenceEqual("VP8 "u8) || chunk.SequenceEqual("VP8L"u8) || chunk.SequenceEqual("ANMF"u8);
            i += 8 + size + (size & 1);
        }

        return i == end && image ? Math.Max(frames, 1) : 0;
    }
}
