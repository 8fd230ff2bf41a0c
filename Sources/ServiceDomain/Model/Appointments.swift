import Foundation

public enum AppointmentStatus: String, Sendable, Codable, CaseIterable {
    case booked, confirmed, rescheduled, cancelled, noShow, arrived
}

public enum Lane: String, Sendable, Codable, CaseIterable {
    case regular, express
}

public struct Appointment: Sendable, Equatable, Codable, Identifiable {
    public var id: RowID?
    public var customerID: RowID
    public var vehicleID: RowID
    public var slotStart: Date
    public var lane: Lane
    public var serviceType: ServiceType
    public var concerns: String
    public var isWaiter: Bool
    public var status: AppointmentStatus
    /// Set when the booking went past the slot's capacity on purpose.
    public var capacityOverrideReason: String
    /// The advisor who booked it (nil when the booker was not one): the check-in form's default advisor.
    public var advisorID: RowID?
    public var version: Int

    public init(id: RowID? = nil, customerID: RowID, vehicleID: RowID, slotStart: Date, lane: Lane = .regular,
                serviceType: ServiceType, concerns: String = "", isWaiter: Bool = false,
                status: AppointmentStatus = .booked, capacityOverrideReason: String = "", advisorID: RowID? = nil, version: Int = 0) {
        self.id = id
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.slotStart = slotStart
        self.lane = lane
        self.serviceType = serviceType
        self.concerns = concerns
        self.isWaiter = isWaiter
        self.status = status
        self.capacityOverrideReason = capacityOverrideReason
        self.advisorID = advisorID
        self.version = version
    }
}
