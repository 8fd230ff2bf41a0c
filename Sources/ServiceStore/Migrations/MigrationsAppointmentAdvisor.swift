import GRDB

extension Schema {
    /// Migrations added by branch gaps, registered last in `Schema.migrator`. Append only.
    static func registerGapsMigrations(_ migrator: inout DatabaseMigrator) {
        // The advisor who booked the appointment (NULL when the booker was not an advisor, and for every
        // appointment booked before this column existed): the check-in form's first choice of advisor.
        // SET NULL so removing a staff row never removes a booking.
        migrator.registerMigration("gaps-1-appointment-advisor") { db in
            try db.execute(sql: """
                ALTER TABLE appointment ADD COLUMN advisor_id INTEGER REFERENCES staff(id) ON DELETE SET NULL
                """)
        }
    }
}
