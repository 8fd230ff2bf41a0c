import Foundation

/// One order of a car's history as the comeback pass reads it.
public struct HistoryVisit: Sendable, Equatable {
    public var repairOrderID: RowID
    public var vehicleID: RowID
    public var repairClass: RepairClass
    public var stage: ROStage
    public var openedAt: Date
    public var closedAt: Date?
    public var mileage: Int
    public var categories: Set<ConcernCategory>

    public init(repairOrderID: RowID, vehicleID: RowID, repairClass: RepairClass, stage: ROStage, openedAt: Date,
                closedAt: Date?, mileage: Int, categories: Set<ConcernCategory>) {
        self.repairOrderID = repairOrderID
        self.vehicleID = vehicleID
        self.repairClass = repairClass
        self.stage = stage
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.mileage = mileage
        self.categories = categories
    }
}

/// The comeback rules over a history already on file, as check-in would have applied them visit by visit:
/// for each later visit, the earlier orders of the same car delivered before it was opened (and within the
/// longest window), judged by `ComebackRules.candidate` (the same windows by repair class, the same
/// concern-category overlap, the most recent delivery winning). Each visit is judged on its own, so chains
/// (a → b → c) come out as two pairs, as they would at check-in.
public enum ComebackHistory {
    /// The (earlier, later) pairs among `visits` (one car or many) for the later visits `isLater` selects.
    public static func candidates(_ visits: [HistoryVisit], settings: ComebackSettings,
                                  isLater: (RowID) -> Bool) -> [(earlier: RowID, later: RowID)] {
        let longest = TimeInterval([settings.majorAssembly.days, settings.level2Maintenance.days,
                                    settings.minor.days].max()!) * 86_400
        var byVehicle: [RowID: [HistoryVisit]] = [:]
        for v in visits { byVehicle[v.vehicleID, default: []].append(v) }
        var pairs: [(earlier: RowID, later: RowID)] = []
        for vehicleID in byVehicle.keys.sorted() {
            // As the store reads them at check-in: by time opened, then id.
            let car = byVehicle[vehicleID]!.sorted { ($0.openedAt, $0.repairOrderID) < ($1.openedAt, $1.repairOrderID) }
            let delivered = car.filter { $0.stage == .delivered && $0.closedAt != nil }
            for later in car where isLater(later.repairOrderID) {
                let since = later.openedAt.addingTimeInterval(-longest)
                let earlier = delivered.filter {
                    $0.repairOrderID != later.repairOrderID && $0.closedAt! >= since && $0.closedAt! <= later.openedAt
                }.map {
                    VisitSummary(repairOrderID: $0.repairOrderID, vehicleID: $0.vehicleID, repairClass: $0.repairClass,
                                 deliveredAt: $0.closedAt, mileage: $0.mileage, categories: $0.categories)
                }
                guard !earlier.isEmpty else { continue }
                if let found = ComebackRules.candidate(for: vehicleID, openedAt: later.openedAt, mileage: later.mileage,
                                                       categories: later.categories, earlier: earlier, settings: settings) {
                    pairs.append((found.repairOrderID, later.repairOrderID))
                }
            }
        }
        return pairs
    }
}
