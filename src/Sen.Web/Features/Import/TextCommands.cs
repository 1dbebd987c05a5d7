using System.CommandLine;
using System.Text;
using Sen.Web.Text;

namespace Sen.Web.Features.Import;

/// <summary>`sen text convert --from tcvn3 old.txt --out new.txt`: old Vietnamese encodings to Unicode, no database.</summary>
public static class TextCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp văn bản hoặc trang HTML cũ. / Old text file or HTML page." };
        var from = new Option<string>("--from")
        {
            Description = "Bảng mã của tệp: tcvn3 (ABC, .VnTime), vni (VNI-Windows) hoặc auto (tự nhận biết). / The file's encoding: tcvn3, vni or auto (detect).",
            Required = true,
        };
        from.AcceptOnlyFromAmong("tcvn3", "vni", "auto");
        var output = new Option<FileInfo?>("--out") { Description = "Tệp kết quả (UTF-8); mặc định in ra màn hình. / Output file (UTF-8); default: standard output." };
        var convert = new Command("convert", "Chuyển văn bản TCVN3/VNI sang Unicode dựng sẵn (NFC); trang HTML theo từng đoạn phông chữ. / Convert TCVN3/VNI text to Unicode NFC; HTML pages run by run, by their fonts.")
        {
            file, from, output,
        };
        convert.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await Console.Error.WriteLineAsync($"Không tìm thấy tệp / file not found: {path.FullName}").ConfigureAwait(false);
                return 2;
            }

            var encoding = parse.GetValue(from) switch
            {
                "tcvn3" => LegacyEncoding.Tcvn3,
                "vni" => LegacyEncoding.Vni,
                _ => (LegacyEncoding?)null,
            };
            var isHtml = path.Extension.ToUpperInvariant() is ".HTM" or ".HTML";
            var bytes = await File.ReadAllBytesAsync(path.FullName, cancellationToken).ConfigureAwait(false);
            var result = ConvertLegacyText.Convert(bytes, isHtml, encoding);
            if (encoding is null)
            {
                await Console.Error.WriteLineAsync($"Bảng mã nhận biết được / detected encoding: {result.Encoding}").ConfigureAwait(false);
            }

            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(result.Text);
            if (parse.GetValue(output) is { } target)
            {
                await File.WriteAllBytesAsync(target.FullName, utf8, cancellationToken).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"Đã ghi / written: {target.FullName}").ConfigureAwait(false);
            }
            else
            {
                var stdout = Console.OpenStandardOutput();
                await using (stdout.ConfigureAwait(false))
                {
                    await stdout.WriteAsync(utf8, cancellationToken).ConfigureAwait(false);
                }
            }

            return 0;
        });

        return new Command("text", "Công cụ văn bản tiếng Việt. / Vietnamese text tools.") { convert };
    }
}
