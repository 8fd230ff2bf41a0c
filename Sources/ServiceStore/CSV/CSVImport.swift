import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// Imports a customer/vehicle file (the export's format; BOM optional). Every row is validated
    /// first; any problem refuses the whole file with an `ImportError` naming each line and column, and
    /// nothing is written. The rows are then applied in one transaction:
    ///
    /// - A row whose phone matches a stored customer (or one created by an earlier row) is that
    ///   customer: new phones are appended, the two flags are switched on if the row has them, notes
    ///   are filled only when the stored ones are empty, and the stored name is kept (a warning
    ///   says so when it differs). Phones belonging to two different customers are refused.
    /// - A plate already registered to that customer updates the vehicle with the row's non-empty
    ///   cells (VIN, model, dates, warranty km). A plate registered to another customer is refused:
    ///   changing a car's owner is done on purpose in the console, never by a file.
    /// - A new plate adds a vehicle (a VIN already registered elsewhere is refused).
    public func importCustomersAndVehicles(from url: URL, operator op: Operator, now: Date) throws -> ImportReport {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.cannotReadFile(path: url.path, detail: (error as NSError).localizedDescription)
        }
        let rows = try CustomerCSVReader(timeZone: timeZone).read(data)
        return try write { db in
            var report = ImportReport()
            var problems: [ImportProblem] = []
            for row in rows {
                do {
                    try applyImportRow(db, row, operator: op, now: now, report: &report)
                } catch let error as RowRefusal {
                    problems.append(ImportProblem(line: row.line, column: error.column, reason: error.reason))
                } catch let error as StoreError {
                    problems.append(ImportProblem(line: row.line, column: Self.importColumn(for: error),
                                                  reason: error.message))
                } catch let error as ValidationError {
                    problems.append(ImportProblem(line: row.line,
                                                  column: CustomerCSVReader.column(for: error.field, fallback: ""),
                                                  reason: error.message))
                }
            }
            // Throwing rolls the whole transaction back: nothing of the file is kept.
            if !problems.isEmpty { throw ImportError(problems: problems) }
            report.rows = rows.count
            try Audit.append(db, operator: op, at: now, action: "import", entity: "customer", entityID: nil, detail: [
                "rows": .int(Int64(report.rows)),
                "customersCreated": .int(Int64(report.customersCreated)),
                "customersMatched": .int(Int64(report.customersMatched)),
                "vehiclesCreated": .int(Int64(report.vehiclesCreated)),
                "vehiclesUpdated": .int(Int64(report.vehiclesUpdated)),
            ])
            return report
        }
    }

    private struct RowRefusal: Error {
        var column: String
        var reason: Message
    }

    private static func importColumn(for error: StoreError) -> String {
        switch error {
        case .duplicatePlate: "plate"
        case .duplicateVIN: "vin"
        default: ""
        }
    }

    private func applyImportRow(_ db: Database, _ row: ImportRow, operator op: Operator, now: Date,
                                report: inout ImportReport) throws {
        let owners = try RowID.fetchAll(
            db, sql: "SELECT DISTINCT customer_id FROM customer_phone WHERE phone IN (\(databaseQuestionMarks(count: row.customer.phones.count))) ORDER BY customer_id",
            arguments: StatementArguments(row.customer.phones))
        if owners.count > 1 {
            let names = try owners.map { id in
                let owner = try ownerSummary(db, customerID: id)
                return "\(owner.name)（\(owner.maskedPhone)）"
            }
            throw RowRefusal(column: "phones", reason: Message(
                zh: "这些电话分属不同的客户：\(names.joined(separator: "、"))；请分开填写",
                en: "These phones belong to different customers: \(names.joined(separator: ", ")); split the row"))
        }

        let customer: Customer
        if let id = owners.first, let stored = try CustomerPhones.customer(db, id: id) {
            var merged = stored
            for phone in row.customer.phones where !merged.phones.contains(phone) { merged.phones.append(phone) }
            merged.isOutOfWarrantyOwner = stored.isOutOfWarrantyOwner || row.customer.isOutOfWarrantyOwner
            merged.isUsedCarOwner = stored.isUsedCarOwner || row.customer.isUsedCarOwner
            if stored.notes.isEmpty { merged.notes = row.customer.notes }
            customer = try writeCustomer(db, try CustomerRules.validated(merged), operator: op, now: now)
            report.customersMatched += 1
            if stored.name != row.customer.name {
                report.warnings.append(ImportProblem(line: row.line, column: "name", reason: Message(
                    zh: "电话与已有客户“\(stored.name)”相同，保留原姓名",
                    en: "The phone matches the stored customer \"\(stored.name)\"; the stored name was kept")))
            }
        } else {
            customer = try writeCustomer(db, row.customer, operator: op, now: now)
            report.customersCreated += 1
        }

        guard var vehicle = row.vehicle, let customerID = customer.id else { return }
        if let existing = try Persistence.fetchAll(Vehicle.self, db, where: "plate = ? AND is_active = 1",
                                                   arguments: [vehicle.plate]).first {
            guard existing.ownerID == customerID else {
                let owner = try ownerSummary(db, customerID: existing.ownerID)
                throw StoreError.duplicatePlate(plate: Plate.display(vehicle.plate), ownerName: owner.name,
                                                ownerPhone: owner.maskedPhone)
            }
            var updated = existing
            if let vin = vehicle.vin { updated.vin = vin }
            updated.model = vehicle.model
            if let date = vehicle.purchaseDate { updated.purchaseDate = date }
            if let date = vehicle.warrantyEndDate { updated.warrantyEndDate = date }
            if let km = vehicle.warrantyEndKm { updated.warrantyEndKm = km }
            let saved = try writeVehicle(db, try VehicleRules.validated(updated), operator: op, now: now)
            if saved.version != existing.version { report.vehiclesUpdated += 1 }
        } else {
            vehicle.ownerID = customerID
            _ = try writeVehicle(db, vehicle, operator: op, now: now)
            report.vehiclesCreated += 1
        }
    }
}
