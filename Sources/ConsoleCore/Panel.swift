import ServiceDomain

/// The console's panels, in tab order.
public enum Panel: String, Sendable, CaseIterable, Equatable {
    case find, reception, appointments, waitingBoard, delivery, followUp, comebacks, reports

    public var title: Message {
        switch self {
        case .find: Strings.panelFind
        case .reception: Strings.panelReception
        case .appointments: Strings.panelAppointments
        case .waitingBoard: Strings.panelWaitingBoard
        case .delivery: Strings.panelDelivery
        case .followUp: Strings.panelFollowUp
        case .comebacks: Strings.panelComebacks
        case .reports: Strings.panelReports
        }
    }

    /// The tab's name when the full one does not fit (80 columns in English).
    public var shortTitle: Message {
        switch self {
        case .reception: Strings.panelReceptionShort
        case .appointments: Strings.panelAppointmentsShort
        case .waitingBoard: Strings.panelWaitingBoardShort
        case .followUp: Strings.panelFollowUpShort
        default: title
        }
    }

    /// The function key that opens the panel (F2…F9).
    public var functionKey: Int { Panel.allCases.firstIndex(of: self)! + 2 }

    /// The name `advisor --panel NAME` takes: short, lower case, one word.
    public var commandLineName: String {
        switch self {
        case .waitingBoard: "board"
        case .followUp: "followup"
        default: rawValue
        }
    }

    /// The panel `--panel` names (any case), or nil.
    public init?(commandLineName name: String) {
        guard let panel = Panel.allCases.first(where: { $0.commandLineName == name.lowercased() }) else { return nil }
        self = panel
    }
}
