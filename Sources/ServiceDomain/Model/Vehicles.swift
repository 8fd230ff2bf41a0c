import Foundation

public struct Vehicle: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var ownerID: RowID
    /// Normalized VIN, or nil until the shop learns it (plate-only vehicles are allowed).
    public var vin: String?
    /// Normalized plate: upper case, no dot or spaces (`粤A12345`).
    public var plate: String
    public var model: String
    public var purchaseDate: CalendarDate?
    public var warrantyEndDate: CalendarDate?
    public var warrantyEndKm: Int?
    public var version: Int

    public init(id: RowID? = nil, ownerID: RowID, vin: String?, plate: String, model: String,
                purchaseDate: CalendarDate? = nil, warrantyEndDate: CalendarDate? = nil, warrantyEndKm: Int? = nil,
                version: Int = 0) {
        self.id = id
        self.ownerID = ownerID
        self.vin = vin
        self.plate = plate
        self.model = model
        self.purchaseDate = purchaseDate
        self.warrantyEndDate = warrantyEndDate
        self.warrantyEndKm = warrantyEndKm
        self.version = version
    }
}

public enum MileageSource: String, Sendable, Codable, CaseIterable {
    case checkIn, manual, odometerReplaced, imported
}

public struct MileageReading: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var vehicleID: RowID
    public var km: Int
    public var readAt: Date
    public var source: MileageSource
    /// Required when `source == .odometerReplaced`.
    public var reason: String

    public init(id: RowID? = nil, vehicleID: RowID, km: Int, readAt: Date, source: MileageSource,
                reason: String = "") {
        self.id = id
        self.vehicleID = vehicleID
        self.km = km
        self.readAt = readAt
        self.source = source
        self.reason = reason
    }
}
