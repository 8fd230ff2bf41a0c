import Foundation

/// One past repair of a vehicle, for the 三包 counters.
public struct VehicleRepair: Sendable, Equatable {
    public var openedAt: Date
    /// Delivered time; nil while still in the workshop (counted up to now).
    public var closedAt: Date?
    public var mileage: Int
    public var isRepair: Bool
    public var categories: Set<ConcernCategory>

    public init(openedAt: Date, closedAt: Date?, mileage: Int, isRepair: Bool, categories: Set<ConcernCategory>) {
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.mileage = mileage
        self.isRepair = isRepair
        self.categories = categories
    }
}

/// The per-vehicle counters Chinese consumer rules (三包) care about, with the shop's warnings.
public struct WarrantyCounters: Sendable, Equatable {
    /// Whole or part days in the workshop for repairs within the vehicle's warranty.
    public var daysInWorkshop: Int
    /// Repairs per problem category (within the warranty).
    public var repairsByCategory: [ConcernCategory: Int]
    /// Confirmed comebacks per category: how many times the repair of that problem failed.
    public var failuresByCategory: [ConcernCategory: Int]
    public var daysWarning: Bool
    public var repeatedCategories: [ConcernCategory]
    public var escalateCategories: [ConcernCategory]

    public var needsAttention: Bool { daysWarning || !repeatedCategories.isEmpty || !escalateCategories.isEmpty }

    /// Repairs count while in warranty: before `warrantyEnd` and under `warrantyEndKm` when those are known.
    public static func compute(_ repairs: [VehicleRepair], failures: [ConcernCategory: Int] = [:], warrantyEnd: Date?,
                               warrantyEndKm: Int?, now: Date, settings: ComebackSettings = .init()) -> WarrantyCounters {
        let inWarranty = repairs.filter { r in
            r.isRepair && (warrantyEnd.map { r.openedAt < $0 } ?? true) && (warrantyEndKm.map { r.mileage < $0 } ?? true)
        }
        var seconds: TimeInterval = 0
        var byCategory: [ConcernCategory: Int] = [:]
        for r in inWarranty {
            seconds += max(0, (r.closedAt ?? now).timeIntervalSince(r.openedAt))
            for c in r.categories where c != .maintenance { byCategory[c, default: 0] += 1 }
        }
        let days = Int((seconds / 86_400).rounded(.up))
        let repeated = byCategory.filter { $0.value >= settings.sameProblemRepairsWarning }.keys
            .sorted { $0.rawValue < $1.rawValue }
        let escalate = failures.filter { $0.value >= settings.escalateAfterFailures }.keys.sorted { $0.rawValue < $1.rawValue }
        return WarrantyCounters(daysInWorkshop: days, repairsByCategory: byCategory, failuresByCategory: failures,
                                daysWarning: days >= settings.warrantyDaysWarning, repeatedCategories: repeated,
                                escalateCategories: escalate)
    }
}
