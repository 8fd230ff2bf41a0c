import GRDB

extension Schema {
    /// Migrations added by the workshop feature, registered after v1 in `Schema.migrator`.
    /// Append only: never edit one that has shipped.
    static func registerWorkshopMigrations(_ migrator: inout DatabaseMigrator) {
    }
}
