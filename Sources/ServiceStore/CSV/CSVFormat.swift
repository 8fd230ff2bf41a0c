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
    /// with CRLF, LF or CR. Blank lines are skipped. (`CSVRecordParser` fed the whole text at once.)
    static func parse(_ text: String) throws -> [Record] {
        var parser = CSVRecordParser()
        var records: [Record] = []
        try parser.feed(text.utf8) { records.append($0) }
        try parser.finish { records.append($0) }
        return records
    }
}
