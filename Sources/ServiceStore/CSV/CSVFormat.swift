import Foundation

/// RFC 4180 reading and writing, plus the spreadsheet formula guard.
enum CSVFormat {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One record and the physical line it starts on (1-based, counting the header).
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    enum ParseError: Error, Equatable {
        case unterminatedQuote(line: Int)
        case textAfterQuote(line: Int)
    }

    // MARK: Writing

    /// Quotes a field when it holds a comma, a quote or a line break (quotes doubled).
    static func quote(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func line(_ fields: [String]) -> String {
        fields.map { quote(guardFormula($0)) }.joined(separator: ",") + "\r\n"
    }

    // MARK: Formula guard

    /// Characters that make a spreadsheet treat a cell as a formula (CSV injection).
    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// True when the text, after any leading apostrophes, starts like a formula and the text itself
    /// starts with such a character or an apostrophe. Prefixing these with one apostrophe and removing
    /// exactly one on import makes the guard reversible, even for text that begins with `'=`.
    private static func needsGuard(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        guard first == "'" || formulaStarts.contains(first) else { return false }
        guard let firstAfterApostrophes = text.unicodeScalars.first(where: { $0 != "'" }) else { return false }
        return formulaStarts.contains(firstAfterApostrophes)
    }

    /// `=SUM(A1)` → `'=SUM(A1)`: the spreadsheet shows the text instead of running it.
    static func guardFormula(_ text: String) -> String {
        needsGuard(text[...]) ? "'" + text : text
    }

    /// Removes the apostrophe `guardFormula` added (or a spreadsheet user typed for the same purpose).
    static func unguardFormula(_ text: String) -> String {
        guard text.hasPrefix("'"), needsGuard(text.dropFirst()) else { return text }
        return String(text.dropFirst())
    }

    // MARK: Reading

    /// Parses RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks; records end
    /// with CRLF, LF or CR. Blank lines are skipped.
    static func parse(_ text: String) throws -> [Record] {
        // Works on the UTF-8 bytes: every byte it looks for is ASCII, and the bytes of other characters
        // (all 0x80 or above) are copied as they are.
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteStartLine = 1
        var afterQuote = false
        let bytes = Array(text.utf8)
        var position = 0
        var pending: UInt8? = nil

        func next() -> UInt8? {
            guard position < bytes.count else { return nil }
            defer { position += 1 }
            return bytes[position]
        }

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
        }

        while let c = pending ?? next() {
            pending = nil
            if inQuotes {
                if c == quote {
                    let following = next()
                    if following == quote {
                        field.append(quote)
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = following
                    }
                } else {
                    if c == lf || c == cr { line += 1 }
                    if c == cr {
                        // CRLF inside quotes is one line break.
                        let following = next()
                        field.append(c)
                        if following == lf { field.append(lf) } else { pending = following }
                        continue
                    }
                    field.append(c)
                }
                continue
            }
            switch c {
            case comma:
                endField()
                afterQuote = false
            case cr, lf:
                if c == cr {
                    let following = next()
                    if following != lf { pending = following }
                }
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case quote where field.isEmpty && !afterQuote:
                inQuotes = true
                quoteStartLine = line
            default:
                if afterQuote { throw ParseError.textAfterQuote(line: line) }
                field.append(c)
            }
        }
        if inQuotes { throw ParseError.unterminatedQuote(line: quoteStartLine) }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return records
    }
}
