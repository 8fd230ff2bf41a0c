import Foundation
import GRDB
import ServiceDomain

extension Schema {
    /// Migrations added by the import work (branch desk-import), registered last in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerDeskImportMigrations(_ migrator: inout DatabaseMigrator) {
        // Purchase and warranty end dates were stored as instants (GRDB's UTC `yyyy-MM-dd HH:mm:ss.SSS`
        // of midnight in the process's zone). They become the calendar day that instant falls on in the
        // shop's time zone (the `shop.timezone` setting; the system's when the shop never set one, which
        // is the zone the old code used), as `YYYY-MM-DD`.
        migrator.registerMigration("desk-import-1-calendar-dates") { db in
            let zoneID = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'shop.timezone'")
            let zone = zoneID.flatMap(TimeZone.init(identifier:)) ?? .current
            for column in ["purchase_date", "warranty_end_date"] {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT id, \(column) AS value FROM vehicle
                    WHERE \(column) IS NOT NULL AND length(\(column)) <> 10
                    """)
                for row in rows {
                    let id: Int64 = row["id"]
                    let value: DatabaseValue = row["value"]
                    let day = Date.fromDatabaseValue(value).map { CalendarDate($0, in: zone) }
                    // A value that was never a date cannot be guessed at: it is cleared rather than kept as
                    // text no reader accepts (no such value can be written by any released version).
                    try db.execute(sql: "UPDATE vehicle SET \(column) = ? WHERE id = ?",
                                   arguments: [day?.text, id])
                }
            }
        }
        // What a migration from the shop's old system brings: the day the customer first came (a
        // calendar date) and the customer type (`CustomerKind`); both unknown (NULL) for existing rows.
        migrator.registerMigration("desk-import-2-customer-since-and-type") { db in
            try db.execute(sql: """
                ALTER TABLE customer ADD COLUMN customer_since TEXT;
                ALTER TABLE customer ADD COLUMN customer_type TEXT
                    CHECK (customer_type IS NULL OR customer_type IN ('individual', 'company', 'fleet'));
                """)
        }
    }
}
