using System.Buffers.Binary;
using System.Text;

namespace Sen.Web.Features.Media;

/// <summary>
/// Reads the names in an OLE2 compound file's directory (the container of legacy .doc and .xls): the
/// stream names say whether it is a Word document, a workbook, or carries macros. Malformed input gives
/// null, never an exception.
/// </summary>
internal static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const int HeaderDifatEntries = 109;
    private const uint LastRegularSector = 0xFFFFFFFA;
    private const int DirectoryEntrySize = 128;

    public static IReadOnlySet<string>? EntryNames(ReadOnlySpan<byte> file)
    {
        if (file.Length < 512 || !file.StartsWith(Signature))
        {
            return null;
        }

        var shift = BinaryPrimitives.ReadUInt16LittleEndian(file[0x1E..]);
        if (shift is not (9 or 12))
        {
            return null;
        }

        var layout = new Layout(shift, file.Length);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(file[0x30..]);

        // A chain can be no longer than the file has sectors; a longer one loops.
        for (var steps = 0; sector < LastRegularSector; steps++)
        {
            if (steps > layout.SectorCount || !layout.TrySector(sector, out var offset))
            {
                return null;
            }

            for (var entry = offset; entry + DirectoryEntrySize <= offset + layout.SectorSize; entry += DirectoryEntrySize)
            {
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(file[(entry + 64)..]);
                var type = file[entry + 66];
                if (type is 1 or 2 && nameBytes is >= 4 and <= 64 && nameBytes % 2 == 0)
                {
                    names.Add(Encoding.Unicode.GetString(file.Slice(entry, nameBytes - 2)));
                }
            }

            if (!TryNext(file, layout, sector, out sector))
            {
                return null;
            }
        }

        return names;
    }

    private static bool TryNext(ReadOnlySpan<byte> file, Layout layout, uint sector, out uint next)
    {
        next = 0;
        var perSector = (uint)layout.SectorSize / 4;
        if (!TryFatSector(file, layout, sector / perSector, out var fatSector) || !layout.TrySector(fatSector, out var offset))
        {
            return false;
        }

        next = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + (int)(sector % perSector * 4))..]);
        return true;
    }

    // The FAT's sectors are listed in the header (the first 109), then in a chain of DIFAT sectors.
    private static bool TryFatSector(ReadOnlySpan<byte> file, Layout layout, uint index, out uint fatSector)
    {
        fatSector = 0;
        if (index < HeaderDifatEntries)
        {
            fatSector = BinaryPrimitives.ReadUInt32LittleEndian(file[(0x4C + (int)(index * 4))..]);
            return fatSector < LastRegularSector;
        }

        var perDifatSector = (uint)layout.SectorSize / 4 - 1;
        var remaining = index - HeaderDifatEntries;
        var difat = BinaryPrimitives.ReadUInt32LittleEndian(file[0x44..]);
        for (var steps = 0; ; steps++)
        {
            if (steps > layout.SectorCount || !layout.TrySector(difat, out var offset))
            {
                return false;
            }

            if (remaining < perDifatSector)
            {
                fatSector = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + (int)(remaining * 4))..]);
                return fatSector < LastRegularSector;
            }

            remaining -= perDifatSector;
            difat = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + (int)(perDifatSector * 4))..]);
        }
    }

    private readonly record struct Layout(int Shift, int FileLength)
    {
        public int SectorSize => 1 << Shift;

        public int SectorCount => FileLength >> Shift;

        public bool TrySector(uint sector, out int offset)
        {
            var start = ((long)sector + 1) << Shift;
            offset = (int)Math.Min(start, int.MaxValue);
            return sector < LastRegularSector && start + SectorSize <= FileLength;
        }
    }
}
