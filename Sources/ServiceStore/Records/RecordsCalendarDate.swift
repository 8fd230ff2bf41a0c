import Foundation
import GRDB
import ServiceDomain

/// Calendar dates are `YYYY-MM-DD` text in SQLite: they sort and compare as text, and no time zone is
/// involved in reading them back.
extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { text.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        String.fromDatabaseValue(dbValue).flatMap(CalendarDate.init(iso:))
    }
}
