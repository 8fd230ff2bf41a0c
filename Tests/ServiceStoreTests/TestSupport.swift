import Foundation
import ServiceDomain
@testable import ServiceStore

/// A fresh folder under the system temp directory, removed when the value goes away.
final class TempFolder {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-store-\(UUID().uuidString)")
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The database path inside the folder (the folder itself is created by `AppDatabase.open`).
    var dbPath: String { url.appendingPathComponent("data/advisor.db").path }

    func file(_ name: String) -> URL {
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.appendingPathComponent(name)
    }
}

enum Fixture {
    static let reception = Operator(staffID: nil, name: "张前台")
    static let advisor = Operator(staffID: nil, name: "李顾问")
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// 2026-11-22 09:00 in Shanghai (01:00 UTC).
    static let morning = Date(timeIntervalSince1970: 1_795_309_200)

    /// Makes a VIN with the right check digit out of 17 characters.
    static func vin(_ seventeen: String) -> String {
        var chars = Array(seventeen)
        chars[8] = VIN.expectedCheckDigit(seventeen)!
        return String(chars)
    }

    static func open(_ folder: TempFolder) throws -> AppDatabase {
        try AppDatabase.open(path: folder.dbPath, timeZone: shanghai)
    }

    @discardableResult
    static func customer(_ db: AppDatabase, _ name: String, phones: [String], notes: String = "") throws -> Customer {
        try db.saveCustomer(Customer(name: name, phones: phones, notes: notes), operator: reception, now: morning)
    }

    @discardableResult
    static func vehicle(_ db: AppDatabase, owner: Customer, plate: String, vin: String? = nil,
                        model: String = "凯美瑞") throws -> Vehicle {
        try db.saveVehicle(Vehicle(ownerID: owner.id!, vin: vin, plate: plate, model: model), operator: reception,
                           now: morning)
    }

    static func repairOrder(customer: Customer, vehicle: Vehicle, openedAt: Date = morning, mileage: Int = 12_000)
        -> RepairOrder {
        RepairOrder(number: "", customerID: customer.id!, vehicleID: vehicle.id!, advisorID: nil,
                    serviceType: .maintenance, repairClass: .level1Maintenance, openedAt: openedAt,
                    promisedAt: openedAt.addingTimeInterval(3 * 3600), mileageIn: mileage,
                    contactPhone: customer.phones[0])
    }
}
