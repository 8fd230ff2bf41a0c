import Foundation

/// The RFC 4180 reader as a state machine fed with UTF-8 bytes a chunk at a time, so a file of any size is
/// read in bounded memory (`CSVFileStream`); `CSVFormat.parse` feeds it a whole text at once. Quoted fields
/// may hold commas, doubled quotes and line breaks; records end with CRLF, LF or CR; blank lines are skipped.
/// Every byte it looks for is ASCII, and the bytes of other characters (all 0x80 or above) are copied as
/// they are.
struct CSVRecordParser {
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"),
                       lf = UInt8(ascii: "\n")

    /// What the previous byte left to decide with the next one.
    private enum Pending { case none, quoteInQuotes, crInQuotes, crOutside }

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    private var inQuotes = false
    private var quoteStartLine = 1
    private var afterQuote = false
    private var pending = Pending.none

    /// Feeds bytes; `emit` gets each record as soon as it is complete.
    mutating func feed(_ bytes: some Sequence<UInt8>, emit: (CSVFormat.Record) throws -> Void) throws {
        for c in bytes { try consume(c, emit: emit) }
    }

    /// The end of the input: the last record without a line break, or the quote never closed.
    mutating func finish(emit: (CSVFormat.Record) throws -> Void) throws {
        switch pending {
        case .quoteInQuotes:
            inQuotes = false
            afterQuote = true
        case .crInQuotes:
            field.append(Self.cr)
        case .crOutside, .none:
            break
        }
        pending = .none
        if inQuotes { throw CSVFormat.ParseError.unterminatedQuote(line: quoteStartLine) }
        if !field.isEmpty || !fields.isEmpty || afterQuote { try endRecord(emit) }
    }

    private mutating func consume(_ c: UInt8, emit: (CSVFormat.Record) throws -> Void) throws {
        switch pending {
        case .none:
            break
        case .quoteInQuotes:
            pending = .none
            if c == Self.quote {
                field.append(Self.quote)
                return
            }
            inQuotes = false
            afterQuote = true
        case .crInQuotes:
            // CRLF inside quotes is one line break.
            pending = .none
            field.append(Self.cr)
            if c == Self.lf {
                field.append(Self.lf)
                return
            }
        case .crOutside:
            pending = .none
            if c == Self.lf { return }
        }
        if inQuotes {
            if c == Self.quote {
                pending = .quoteInQuotes
            } else if c == Self.cr {
                line += 1
                pending = .crInQuotes
            } else {
                if c == Self.lf { line += 1 }
                field.append(c)
            }
            return
        }
        switch c {
        case Self.comma:
            endField()
            afterQuote = false
        case Self.cr, Self.lf:
            if c == Self.cr { pending = .crOutside }
            try endRecord(emit)
            afterQuote = false
            line += 1
            recordLine = line
        case Self.quote where field.isEmpty && !afterQuote:
            inQuotes = true
            quoteStartLine = line
        default:
            if afterQuote { throw CSVFormat.ParseError.textAfterQuote(line: line) }
            field.append(c)
        }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord(_ emit: (CSVFormat.Record) throws -> Void) throws {
        endField()
        let record = fields
        fields = []
        if !(record.count == 1 && record[0].isEmpty) {
            try emit(CSVFormat.Record(line: recordLine, fields: record))
        }
    }
}
