import Foundation
import GRDB
import ServiceDomain

/// Works out what the validated rows of one import change, row by row in file order, with the matching
/// done in memory instead of a few queries per row. It only reads (one snapshot, no write lock): the
/// result is an `ImportPlan` that `AppDatabase.applyImport` writes in short transactions.
///
/// Up front, a handful of set-based queries load what the file can match: the owners of every phone
/// in the file (with their stored record and phones), and the vehicles holding any plate (active) or
/// VIN of the file. Each row then reads and updates these dictionaries, so a row sees what earlier
/// rows did exactly as if they had been written.
///
/// Changes to stored customers and vehicles are kept as (stored, final) pairs, written later through
/// the audited writes (`writeCustomer`, `writeVehicle`: one `update` audit row with old and new values
/// each, version-checked against what was read here). The customers and vehicles the file creates get
/// provisional ids now (the ones AUTOINCREMENT would give, in file order; the apply step moves them past
/// anything saved meanwhile) and are inserted by INSERT … SELECT per table (`AppDatabase.insertNew`);
/// the import's own audit row names them by id range.
struct ImportApplier {
    let store: AppDatabase
    let db: Database
    let op: Operator
    let now: Date

    /// The customers each phone of the file (or of a customer this import touched) belongs to, by id.
    /// More than one only when the database already shares a phone between customers.
    private var phoneOwners: [String: [RowID]] = [:]
    /// Every customer this import can touch, as it stands now: the stored owners of the file's phones,
    /// with their phones, and the customers created so far.
    private var customers: [RowID: Customer] = [:]
    /// Every vehicle this import can touch, as it stands now: stored ones whose active plate or VIN is
    /// in the file, and the vehicles created so far.
    private var vehicles: [RowID: Vehicle] = [:]
    /// Active vehicles by plate, and vehicles (active or not) by VIN, among `vehicles`.
    private var activePlates: [String: RowID] = [:]
    private var vins: [String: RowID] = [:]
    /// Stored customers and vehicles this import changes: as read, by id (the final state is in
    /// `customers` / `vehicles`).
    private var storedCustomers: [RowID: Customer] = [:]
    private var storedVehicles: [RowID: Vehicle] = [:]

    /// Ids from these on are rows this import creates.
    let firstNewCustomerID: RowID
    let firstNewVehicleID: RowID
    private(set) var nextCustomerID: RowID
    private(set) var nextVehicleID: RowID

    init(store: AppDatabase, db: Database, rows: [ImportRow], operator op: Operator, now: Date) throws {
        self.store = store
        self.db = db
        self.op = op
        self.now = now
        firstNewCustomerID = try AppDatabase.nextID(db, table: Customer.table)
        firstNewVehicleID = try AppDatabase.nextID(db, table: Vehicle.table)
        nextCustomerID = firstNewCustomerID
        nextVehicleID = firstNewVehicleID
        try load(rows)
    }

    /// Reads the stored customers and vehicles the file's phones, plates and VINs can match.
    private mutating func load(_ rows: [ImportRow]) throws {
        let phones = RowSet.json(Set(rows.flatMap(\.customer.phones)))
        let ownerIDs = "SELECT customer_id FROM customer_phone WHERE phone IN (SELECT value FROM json_each(?))"
        for row in try Row.fetchAll(db, sql: "SELECT * FROM customer WHERE id IN (\(ownerIDs))", arguments: [phones]) {
            let customer = try Customer(row: row)
            customers[customer.id!] = customer
        }
        let phoneRows = try Row.fetchAll(
            db, sql: "SELECT customer_id, phone FROM customer_phone WHERE customer_id IN (\(ownerIDs)) "
                + "ORDER BY customer_id, position",
            arguments: [phones])
        for row in phoneRows {
            let id: RowID = row["customer_id"]
            let phone: String = row["phone"]
            customers[id]?.phones.append(phone)
            phoneOwners[phone, default: []].append(id)
        }

        let plates = RowSet.json(Set(rows.compactMap { $0.vehicle?.plate }))
        let vinList = RowSet.json(Set(rows.compactMap { $0.vehicle?.vin }))
        let stored = try Row.fetchAll(db, sql: """
            SELECT * FROM vehicle WHERE id IN (
                SELECT id FROM vehicle WHERE is_active = 1 AND plate IN (SELECT value FROM json_each(?))
                UNION SELECT id FROM vehicle WHERE vin IN (SELECT value FROM json_each(?)))
            """, arguments: [plates, vinList])
        for row in stored {
            let vehicle = try Vehicle(row: row)
            let id = vehicle.id!
            vehicles[id] = vehicle
            if row["is_active"] as Bool { activePlates[vehicle.plate] = id }
            if let vin = vehicle.vin { vins[vin] = id }
        }
    }

    // MARK: Rows

    /// A row refused for a reason that is not a validation or store error.
    struct RowRefusal: Error {
        var column: String
        var reason: Message
    }

    /// Applies one row: the customer part first, then the vehicle. A refusal of the vehicle leaves the
    /// customer part applied, as a row-by-row write would (the whole import is then refused anyway).
    mutating func apply(_ row: ImportRow, report: inout ImportReport) throws {
        let customerID = try applyCustomer(row, report: &report)
        guard let vehicle = row.vehicle else { return }
        try applyVehicle(vehicle, ownerID: customerID, report: &report)
    }

    private mutating func applyCustomer(_ row: ImportRow, report: inout ImportReport) throws -> RowID {
        let owners = Set(row.customer.phones.flatMap { phoneOwners[$0] ?? [] }).sorted()
        if owners.count > 1 {
            let names = try owners.map { id in
                let owner = try summary(customerID: id)
                return "\(owner.name)（\(owner.maskedPhone)）"
            }
            throw RowRefusal(column: "phones", reason: Message(
                zh: "这些电话分属不同的客户：\(names.joined(separator: "、"))；请分开填写",
                en: "These phones belong to different customers: \(names.joined(separator: ", ")); split the row"))
        }
        guard let id = owners.first, let stored = customers[id] else {
            var customer = row.customer
            customer.id = nextCustomerID
            customer.version = 0
            nextCustomerID += 1
            remember(customer)
            report.customersCreated += 1
            return customer.id!
        }
        var merged = stored
        for phone in row.customer.phones where !merged.phones.contains(phone) { merged.phones.append(phone) }
        merged.isOutOfWarrantyOwner = stored.isOutOfWarrantyOwner || row.customer.isOutOfWarrantyOwner
        merged.isUsedCarOwner = stored.isUsedCarOwner || row.customer.isUsedCarOwner
        if stored.notes.isEmpty { merged.notes = row.customer.notes }
        // Filled only where the shop has nothing yet, like the notes.
        if stored.customerSince == nil { merged.customerSince = row.customer.customerSince }
        if stored.kind == nil { merged.kind = row.customer.kind }
        let valid = try CustomerRules.validated(merged)
        if valid != stored {
            // A stored customer is updated when the plan is applied (audited, version-checked).
            if id < firstNewCustomerID, storedCustomers[id] == nil { storedCustomers[id] = stored }
            remember(valid)
        }
        report.customersMatched += 1
        if stored.name != row.customer.name {
            report.warnings.append(ImportProblem(line: row.line, column: "name", reason: Message(
                zh: "电话与已有客户“\(stored.name)”相同，保留原姓名",
                en: "The phone matches the stored customer \"\(stored.name)\"; the stored name was kept")))
        }
        return id
    }

    private mutating func remember(_ customer: Customer) {
        let id = customer.id!
        customers[id] = customer
        for phone in customer.phones where phoneOwners[phone]?.contains(id) != true {
            // Another stored customer may share one of the customer's older phones: keep both.
            phoneOwners[phone, default: []].append(id)
        }
    }

    private mutating func applyVehicle(_ row: Vehicle, ownerID: RowID, report: inout ImportReport) throws {
        guard let existingID = activePlates[row.plate], let existing = vehicles[existingID] else {
            var vehicle = row
            vehicle.ownerID = ownerID
            vehicle.version = 0
            try refuseDuplicateVIN(vehicle, id: nil)
            vehicle.id = nextVehicleID
            nextVehicleID += 1
            remember(vehicle, replacing: nil)
            report.vehiclesCreated += 1
            return
        }
        guard existing.ownerID == ownerID else {
            let owner = try summary(customerID: existing.ownerID)
            throw StoreError.duplicatePlate(plate: Plate.display(row.plate), ownerName: owner.name,
                                            ownerPhone: owner.maskedPhone)
        }
        var updated = existing
        if let vin = row.vin { updated.vin = vin }
        updated.model = row.model
        if let date = row.purchaseDate { updated.purchaseDate = date }
        if let date = row.warrantyEndDate { updated.warrantyEndDate = date }
        if let km = row.warrantyEndKm { updated.warrantyEndKm = km }
        let valid = try VehicleRules.validated(updated)
        try refuseDuplicateVIN(valid, id: existingID)
        // The same comparison `saveVersioned` makes: a row that changes nothing writes nothing.
        guard !Audit.changes(from: existing.columns, to: valid.columns).isEmpty else { return }
        if existingID < firstNewVehicleID, storedVehicles[existingID] == nil { storedVehicles[existingID] = existing }
        remember(valid, replacing: existing)
        report.vehiclesUpdated += 1
    }

    private mutating func remember(_ vehicle: Vehicle, replacing old: Vehicle?) {
        let id = vehicle.id!
        if let oldVIN = old?.vin, vins[oldVIN] == id { vins[oldVIN] = nil }
        vehicles[id] = vehicle
        activePlates[vehicle.plate] = id
        if let vin = vehicle.vin { vins[vin] = id }
    }

    /// A VIN is refused when any other vehicle, active or not, already has it.
    private func refuseDuplicateVIN(_ vehicle: Vehicle, id: RowID?) throws {
        guard let vin = vehicle.vin, let otherID = vins[vin], otherID != id, let other = vehicles[otherID] else {
            return
        }
        let owner = try summary(customerID: other.ownerID)
        throw StoreError.duplicateVIN(vin: vin, plate: Plate.display(other.plate), ownerName: owner.name,
                                      ownerPhone: owner.maskedPhone)
    }

    /// The name and masked first phone naming a customer in a refusal: from memory for a customer this
    /// file creates (not stored yet), else from the database.
    private func summary(customerID: RowID) throws -> (name: String, maskedPhone: String) {
        if customerID >= firstNewCustomerID, let customer = customers[customerID] {
            return (customer.name, customer.phones.first.map(PhoneNumber.masked) ?? "-")
        }
        return try store.ownerSummary(db, customerID: customerID)
    }

    // MARK: Plan

    /// What the accepted rows change, for `AppDatabase.applyImport`.
    func plan(report: ImportReport) -> ImportPlan {
        ImportPlan(
            report: report,
            firstNewCustomerID: firstNewCustomerID,
            firstNewVehicleID: firstNewVehicleID,
            newCustomers: (firstNewCustomerID..<nextCustomerID).map { ($0, customers[$0]!) },
            newVehicles: (firstNewVehicleID..<nextVehicleID).map { vehicles[$0]! },
            customerUpdates: storedCustomers.keys.sorted().map { (storedCustomers[$0]!, customers[$0]!) },
            vehicleUpdates: storedVehicles.keys.sorted().map { (storedVehicles[$0]!, vehicles[$0]!) })
    }
}
