import Foundation
import ServiceDomain
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings an import file may be in. Excel on Chinese Windows saves "CSV (逗号分隔)" as
/// GB18030 (GBK is its subset); "CSV UTF-8" and the console's own export are UTF-8.
public enum ImportEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
}

enum CSVDecoding {
    /// The file's text. Without `forced`: UTF-8 when the bytes are valid UTF-8, else GB18030. A valid
    /// UTF-8 file whose text reads like GB18030 bytes taken for UTF-8 (`Ƚȫ` for 热线) is refused with
    /// the way out, rather than importing names nobody can read.
    static func decode(_ data: Data, forced: ImportEncoding?) throws -> (text: String, encoding: ImportEncoding) {
        var bytes = data
        let hasBOM = bytes.starts(with: CSVFormat.byteOrderMark)
        if hasBOM { bytes = bytes.dropFirst(CSVFormat.byteOrderMark.count) }
        switch forced {
        case .utf8:
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw fileProblem(zh: "按 UTF-8 读取失败：文件不是 UTF-8 编码。若是 Excel 另存的“CSV (逗号分隔)”，请用 --encoding gb18030",
                                  en: "The file is not valid UTF-8. If Excel saved it as \"CSV (Comma delimited)\" on "
                                      + "Chinese Windows, use --encoding gb18030")
            }
            return (text, .utf8)
        case .gb18030:
            guard let text = gb18030(bytes) else {
                throw fileProblem(zh: "按 GB18030 读取失败：文件里有 GB18030 中不存在的字节",
                                  en: "The file is not valid GB18030: it holds bytes GB18030 does not use")
            }
            return (text, .gb18030)
        case nil:
            if let text = String(data: bytes, encoding: .utf8) {
                if !hasBOM, looksLikeMisreadGB18030(text), let gb = gb18030(bytes), cjkCount(gb) > 0 {
                    throw fileProblem(
                        zh: "文件按 UTF-8 读出来是乱码（如“\(CustomerCSVReader.echo(sample(text)))”），按 GB18030 读是"
                            + "“\(CustomerCSVReader.echo(sample(gb)))”。请用 --encoding gb18030 导入；若文件确是 UTF-8，用 --encoding utf-8",
                        en: "Read as UTF-8 the file is garbled (\"\(CustomerCSVReader.echo(sample(text)))\"); read as GB18030 it is "
                            + "\"\(CustomerCSVReader.echo(sample(gb)))\". Import it with --encoding gb18030, or with "
                            + "--encoding utf-8 if it really is UTF-8")
                }
                return (text, .utf8)
            }
            if let text = gb18030(bytes) { return (text, .gb18030) }
            throw fileProblem(zh: "无法识别文件编码（既不是 UTF-8 也不是 GB18030）。请在表格软件中另存为“CSV UTF-8”后再导入",
                              en: "The file is neither UTF-8 nor GB18030. Save it as \"CSV UTF-8\" in the spreadsheet "
                                  + "program and import again")
        }
    }

    private static func fileProblem(zh: String, en: String) -> ImportError {
        ImportError(problems: [ImportProblem(line: 0, column: "", reason: Message(zh: zh, en: en))])
    }

    /// GB18030 bytes decoded with the C library's iconv (Foundation on Linux has no GB18030 codec);
    /// nil when a byte sequence is not GB18030.
    static func gb18030(_ data: Data) -> String? {
        convert([UInt8](data), from: "GB18030", to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
    }

    /// GB18030 double bytes with a lead byte C0–DF and a trail byte 80–BF are also valid two-byte
    /// UTF-8: such a file decodes to Latin-extended, IPA, Greek or Cyrillic letters and no Chinese at
    /// all. Real shop files have Chinese names, so that mix means the bytes are GB18030.
    static func looksLikeMisreadGB18030(_ text: String) -> Bool {
        var twoByte = 0
        for s in text.unicodeScalars {
            if (0x0100...0x07FF).contains(s.value) { twoByte += 1 }
            if isCJK(s) { return false }
        }
        return twoByte >= 2
    }

    private static func isCJK(_ s: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
    }

    private static func cjkCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (isCJK($1) ? 1 : 0) }
    }

    /// The first non-ASCII stretch of the text, to show the user what the two readings look like.
    private static func sample(_ text: String) -> String {
        guard let start = text.firstIndex(where: { !$0.isASCII }) else { return "" }
        return String(text[start...].prefix(while: { !$0.isASCII }).prefix(12))
    }
}

extension CSVDecoding {
    /// Text in `encoding`, as a spreadsheet would save it (for building test files and samples).
    static func encode(_ text: String, as encoding: ImportEncoding) -> Data? {
        switch encoding {
        case .utf8: return Data(text.utf8)
        case .gb18030: return convert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        }
    }

    static func convert(_ bytes: [UInt8], from source: String, to target: String) -> Data? {
        let cd = iconv_open(target, source)
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                if iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Data(output[0..<produced].map { UInt8(bitPattern: $0) })
    }
}
