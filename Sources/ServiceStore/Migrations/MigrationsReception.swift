import GRDB

extension Schema {
    /// Migrations added by the reception feature, registered after v1 in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    /// None so far: v1 already holds what reception writes (appointment lane, status and capacity
    /// override reason; repair_order.check_in_seconds); capacities and hours are `setting` rows
    /// (`ReceptionSettingKey`).
    static func registerReceptionMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
