import Foundation
import GRDB

/// Many rows of one table inserted by a single `INSERT … SELECT` over `json_each` of one bound JSON
/// array (one inner array of values per row, in the order of `columns`), instead of one statement per
/// row. The table's triggers still run for every row, in the order given.
///
/// Why one statement: the full-text index is kept by triggers, and FTS5 (SQLite 3.40) flushes its
/// pending terms into a new segment at every statement's savepoint, so a statement per row writes (and
/// later merges) a segment per row. Run it inside `AppDatabase.writeInBulk`: the statement journal of
/// one large statement would otherwise spill to a temporary file. (`->>` needs SQLite 3.38.)
enum RowSet {
    static func insert(_ db: Database, table: String, columns: [String], rows: [[DatabaseValue]]) throws {
        guard !rows.isEmpty else { return }
        let values = columns.indices.map { "value ->> \($0)" }.joined(separator: ", ")
        let statement = try db.makeStatement(sql: """
            INSERT INTO main.\(table) (\(columns.joined(separator: ", ")))
            SELECT \(values) FROM json_each(?) ORDER BY key
            """)
        // FTS5 prepares statements of its own while the triggers run, and GRDB's statement authorizer
        // folds each of them into the region of the statement it compiled last, at a cost that grows
        // with that region (all the trigger programs here). Compiling a trivial statement first keeps
        // it small; `statement` already holds its own region.
        _ = try db.makeStatement(sql: "SELECT 1")
        try statement.execute(arguments: [try json(rows)])
    }

    /// `[[1,"text",null],…]`: integers, reals, text and nulls, the types the stored records use.
    static func json(_ rows: [[DatabaseValue]]) throws -> String {
        var out = "["
        for (index, row) in rows.enumerated() {
            if index > 0 { out += "," }
            try appendArray(row, to: &out)
        }
        return out + "]"
    }

    /// `["a","b",…]`, for `json_each(?)` in a query.
    static func json(_ values: some Sequence<String>) -> String {
        var out = "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            appendQuoted(value, to: &out)
        }
        return out + "]"
    }

    private static func appendArray(_ row: [DatabaseValue], to out: inout String) throws {
        out += "["
        for (position, value) in row.enumerated() {
            if position > 0 { out += "," }
            switch value.storage {
            case .null: out += "null"
            case .int64(let i): out += String(i)
            case .double(let d):
                guard d.isFinite else { throw DatabaseError(message: "RowSet: \(d) has no JSON form") }
                out += "\(d)"
            case .string(let s): appendQuoted(s, to: &out)
            case .blob: throw DatabaseError(message: "RowSet: blobs are not supported")
            }
        }
        out += "]"
    }

    /// A JSON string literal: quote, backslash and control characters escaped.
    private static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        var plainStart = text.utf8.startIndex
        var index = plainStart
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 {
                out += String(Substring(utf8[plainStart..<index]))
                out += byte == 0x22 ? "\\\"" : byte == 0x5C ? "\\\\" : String(format: "\\u%04x", byte)
                plainStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += String(Substring(utf8[plainStart..<utf8.endIndex]))
        out += "\""
    }
}
