import Foundation
import GRDB
import ServiceDomain

/// How a domain struct maps to its table. The mapping is written out by hand (snake_case columns,
/// enums as raw values, fen as integers) so that a renamed Swift property can never silently
/// rename a column of a shipped schema.
protocol StoredRecord: Sendable {
    static var table: String { get }
    var id: RowID? { get set }
    init(row: Row) throws
    /// Every column except `id` and `version`, in table order.
    var columns: [(String, DatabaseValue)] { get }
}

/// A record whose table carries an optimistic-lock `version`.
protocol VersionedRecord: StoredRecord {
    var version: Int { get set }
}

func dbValue(_ value: (any DatabaseValueConvertible)?) -> DatabaseValue {
    value?.databaseValue ?? .null
}

func dbValue(_ fen: Fen?) -> DatabaseValue {
    fen.map { $0.value.databaseValue } ?? .null
}

extension Row {
    /// Decodes a string column into a Swift enum, refusing values this version does not know
    /// rather than guessing.
    func enumValue<E: RawRepresentable>(_ column: String, in table: String) throws -> E
    where E.RawValue == String {
        let raw: String = try decode(forColumn: column)
        guard let value = E(rawValue: raw) else {
            throw StoreError.unreadableValue(table: table, column: column, value: raw)
        }
        return value
    }

    func optionalEnumValue<E: RawRepresentable>(_ column: String, in table: String) throws -> E?
    where E.RawValue == String {
        guard let raw: String = try decode(forColumn: column) else { return nil }
        guard let value = E(rawValue: raw) else {
            throw StoreError.unreadableValue(table: table, column: column, value: raw)
        }
        return value
    }

    func fen(_ column: String) throws -> Fen {
        Fen(try decode(Int64.self, forColumn: column))
    }

    func optionalFen(_ column: String) throws -> Fen? {
        try decode(Int64?.self, forColumn: column).map(Fen.init)
    }
}
