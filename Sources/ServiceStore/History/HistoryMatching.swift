import Foundation
import GRDB
import ServiceDomain

/// Which car and owner a history row is about, by the customer import's rules: a car on file is found by
/// its VIN, else by its active plate (its owner is then the order's customer, whatever the row's phone); a
/// car not on file is created for the customer whose phone the row has, or for a new customer.
enum HistoryCar: Equatable {
    case stored(vehicleID: RowID, ownerID: RowID)
    case new(plate: String, owner: HistoryOwner)
}

enum HistoryOwner: Equatable {
    case stored(RowID)
    case new(phone: String)
}

/// Finds cars and owners in the database, plus (while planning) the ones earlier rows of the file create.
struct HistoryMatcher {
    /// Cars and customers earlier rows create (planning only: when writing they are in the database).
    var newPlates: [String: Int] = [:]
    var newVINs: [String: String] = [:]
    var newPhones: Set<String> = []

    func match(_ row: HistoryRow, _ db: Database) throws -> HistoryCar {
        let byVIN = try row.vin.flatMap { try Row.fetchOne(db, cachedSQL: "SELECT id, owner_id, plate FROM vehicle WHERE vin = ?", $0) }
        let byPlate = try row.plate.flatMap {
            try Row.fetchOne(db, cachedSQL: "SELECT id, owner_id, plate FROM vehicle WHERE plate = ? AND is_active = 1", $0)
        }
        if let byVIN, let byPlate, (byVIN["id"] as RowID) != (byPlate["id"] as RowID) {
            throw CustomerCSVReader.RowRefusalError(column: "vin", reason: Message(
                zh: "车架号属于车牌 \(Plate.display(byVIN["plate"])) 的车，车牌属于另一辆车；请核对",
                en: "The VIN is the car with plate \(Plate.display(byVIN["plate"])), the plate another car's; check them"))
        }
        if let found = byVIN ?? byPlate {
            // A car found by its VIN keeps the plate on file even if the row has an older one.
            return .stored(vehicleID: found["id"], ownerID: found["owner_id"])
        }
        if let vin = row.vin, let plate = newVINs[vin] { return .new(plate: plate, owner: try owner(row, db)) }
        guard let plate = row.plate else {
            throw CustomerCSVReader.RowRefusalError(column: "plate", reason: Message(
                zh: "这辆车（按车架号）不在系统中，新建车辆需要车牌号", en: "This car (by its VIN) is not on file; a new car needs its plate"))
        }
        return .new(plate: plate, owner: try owner(row, db))
    }

    private func owner(_ row: HistoryRow, _ db: Database) throws -> HistoryOwner {
        guard let phone = row.phone else {
            throw CustomerCSVReader.RowRefusalError(column: "phone", reason: Message(
                zh: "这辆车不在系统中：新建车辆和车主需要车主电话", en: "This car is not on file: creating it and its owner needs the phone"))
        }
        if let id = try RowID.fetchOne(db, cachedSQL: "SELECT customer_id FROM customer_phone WHERE phone = ? ORDER BY customer_id LIMIT 1", phone) {
            return .stored(id)
        }
        return .new(phone: phone)
    }
}

extension CustomerCSVReader {
    /// A row refused by a check that needs the database, naming its column.
    struct RowRefusalError: Error {
        var column: String
        var reason: Message
    }
}

extension Row {
    static func fetchOne(_ db: Database, cachedSQL sql: String, _ value: some DatabaseValueConvertible) throws -> Row? {
        try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [value])
    }
}

extension RowID {
    static func fetchOne(_ db: Database, cachedSQL sql: String, _ value: some DatabaseValueConvertible) throws -> RowID? {
        try RowID.fetchOne(db.cachedStatement(sql: sql), arguments: [value])
    }
}
