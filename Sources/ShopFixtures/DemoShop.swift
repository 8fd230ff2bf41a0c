import Foundation
import ServiceDomain
import ServiceStore

/// What `advisor demo` made, for its closing line.
public struct DemoSummary: Sendable, Equatable {
    public var customers = 0
    public var vehicles = 0
    public var staff = 0
    public var repairOrders = 0
    public var openRepairOrders = 0
    public var appointments = 0
    public var callbacksOpen = 0

    public func description(_ language: Language) -> String {
        language == .zhHans
            ? "演示门店已建立：\(customers) 位客户，\(vehicles) 辆车，\(staff) 名员工，\(repairOrders) 张维修工单（在厂 \(openRepairOrders)），\(appointments) 个预约，\(callbacksOpen) 个待回访。"
            : "Demo shop ready: \(customers) customers, \(vehicles) vehicles, \(staff) staff, \(repairOrders) repair orders (\(openRepairOrders) in the shop), \(appointments) appointments, \(callbacksOpen) callbacks to make."
    }
}

/// A realistic FAW-Volkswagen 4S store in Guangzhou, written through the same `AppDatabase` write
/// path the console uses, so the demo also proves the validators accept real-looking data.
public enum DemoShop {
    public static let shopName = "粤信一汽-大众4S店（广州天河）"

    @discardableResult
    public static func populate(_ db: AppDatabase, now: Date, timeZone: TimeZone, seed: UInt64 = 2026,
                                operatorLogin: String, customerCount: Int = 300) throws -> DemoSummary {
        var rng = SeededRandom(seed: seed)
        var summary = DemoSummary()
        let system = Operator(staffID: nil, name: "demo")
        try db.setSetting(key: "shop.name", value: shopName, operator: system, now: now)
        try db.setSetting(key: "shop.timezone", value: timeZone.identifier, operator: system, now: now)

        let staff = try DemoStaff.create(db, operatorLogin: operatorLogin, now: now)
        summary.staff = staff.count
        let desk = Operator(staffID: staff.reception.id, name: staff.reception.name)

        let cal = ShopCalendar.calendar(timeZone)
        let today = cal.startOfDay(for: now)
        func day(_ offset: Int, hour: Int, minute: Int = 0) -> Date {
            cal.date(byAdding: DateComponents(day: offset, hour: hour, minute: minute), to: today)!
        }

        // Customers with vehicles and their mileage history.
        var fleet: [(customer: Customer, vehicle: Vehicle, km: Int)] = []
        var usedPlates = Set<String>()
        var serial = 100_000
        for i in 0..<customerCount {
            var phones = [PeopleFactory.mobile(&rng)]
            if rng.chance(0.12) { phones.append(rng.chance(0.4) ? PeopleFactory.landline(&rng) : PeopleFactory.mobile(&rng)) }
            let customer = try db.saveCustomer(
                Customer(name: PeopleFactory.name(&rng), phones: phones,
                         isOutOfWarrantyOwner: rng.chance(0.12), isUsedCarOwner: rng.chance(0.08),
                         contactPreference: rng.pick([.phone, .phone, .wechat, .sms]),
                         preferredCallTime: rng.pick(["", "", "下午3点后", "上午", "午休时间勿打", "工作日晚上"]),
                         notes: i % 37 == 0 ? "企业车队客户" : ""),
                operator: desk, now: day(-400, hour: 9))
            summary.customers += 1
            for _ in 0..<(rng.chance(0.1) ? 2 : 1) {
                var plate = PeopleFactory.plate(&rng)
                while usedPlates.contains(plate) { plate = PeopleFactory.plate(&rng) }
                usedPlates.insert(plate)
                let line = rng.pick(VehicleFactory.lines)
                let year = rng.int(2016...2025)
                serial += rng.int(1...40)
                let purchaseDay = CalendarDate(year: year, month: rng.int(1...12), day: rng.int(1...28))!
                let purchase = purchaseDay.start(in: timeZone)
                let vehicle = try db.saveVehicle(
                    Vehicle(ownerID: customer.id!,
                            vin: rng.chance(0.95) ? VehicleFactory.vin(line: line, year: year, serial: serial, rng: &rng) : nil,
                            plate: plate, model: line.name, purchaseDate: purchaseDay,
                            warrantyEndDate: purchaseDay.adding(years: 3), warrantyEndKm: 100_000),
                    operator: desk, now: day(-400, hour: 9))
                summary.vehicles += 1
                let ageDays = max(30, Int(now.timeIntervalSince(purchase) / 86_400))
                let km = min(250_000, ageDays * rng.int(25...60))
                try db.recordMileage(vehicleID: vehicle.id!, km: km / 3, at: day(-min(ageDays, 700), hour: 10),
                                     source: .imported, operator: desk, now: day(-400, hour: 9))
                fleet.append((customer, vehicle, km))
            }
        }

        let workshop = DemoWorkshop(db: db, staff: staff, timeZone: timeZone, now: now, day: day)
        try workshop.populate(fleet: fleet, rng: &rng, summary: &summary)
        return summary
    }
}
