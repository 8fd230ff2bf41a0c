import Foundation
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every problem of a refused import, one per line (line, column, value, message), for the clerk to work
/// through in the spreadsheet: a real file can have thousands, the terminal shows only the first few.
public enum ImportProblemsFile {
    /// Writes `INPUT.errors.csv` beside the input (UTF-8 with BOM, 0600: the values are personal data).
    /// When the input's folder is not writable, writes into `fallbackFolder` (the database's folder),
    /// then the temporary folder; `note` then says why the file is not beside the input.
    public static func write(_ problems: [ImportProblem], input: URL, fallbackFolder: URL, language: Language)
        throws -> (url: URL, note: Message?) {
        var text = CSVFormat.line(["line", "column", "value", "message"])
        for p in problems {
            let value = FreeText.sanitize(p.value)
            let message = p.reason.text(language)
            text += CSVFormat.line([String(p.line), p.column, value.count > 200 ? String(value.prefix(199)) + "…" : value,
                                    message])
        }
        let data = Data(CSVFormat.byteOrderMark) + Data(text.utf8)
        let name = input.lastPathComponent + ".errors.csv"
        let beside = input.deletingLastPathComponent().appendingPathComponent(name)
        do {
            try PrivateFile.write(data, to: beside)
            return (beside, nil)
        } catch {
            let folder = input.deletingLastPathComponent().path
            for other in [fallbackFolder, FileManager.default.temporaryDirectory] {
                let url = other.appendingPathComponent(name)
                if (try? PrivateFile.write(data, to: url)) != nil {
                    return (url, Message(zh: "无法写入输入文件所在的文件夹 \(folder)（没有写权限），问题清单改存到这里",
                                         en: "The input's folder \(folder) is not writable, so the list went here instead"))
                }
            }
            throw error
        }
    }
}
