import ScreenKit
import ServiceDomain

/// What a feature asks of the shell when it is done with the user's key: leaving for another panel is an
/// outcome the root reducer carries out (TCA's `.delegate` actions), so no feature sets `state.panel`.
public enum PanelDelegate: Sendable, Equatable {
    /// Show another panel, as its function key would.
    case show(Panel)
    /// Open a complaint for this customer on the follow-up panel (from the customer card).
    case startComplaint(customerID: RowID, vehicles: [Vehicle])
    /// Quit (asking first when something typed is not saved).
    case requestQuit
    /// Close the overlay the feature lives in.
    case closeOverlay
}

/// A feature's answer to a key: the effects to run and, perhaps, where the shell should go next.
public struct Reduction: Sendable, Equatable, ExpressibleByArrayLiteral {
    public var effects: [Effect]
    public var delegate: PanelDelegate?
    public init(_ effects: [Effect] = [], delegate: PanelDelegate? = nil) {
        self.effects = effects
        self.delegate = delegate
    }
    public init(arrayLiteral elements: Effect...) { self.init(elements) }
}

/// One panel's feature. The shell asks it for the keys of the mode it is in (the same table its reducer
/// matches), hands it the keys no global binding took, and tells it when its panel is shown, when another
/// terminal changed the data, and when Esc was pressed.
public protocol PanelFeature: SendableMetatype {
    /// The mode the feature is in, whether a field has the keyboard, and the help of that mode's table.
    static func keys(_ state: AppState) -> ModeKeys
    /// A key no global binding took.
    static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction
    /// The panel was just shown: load what it displays.
    static func entered(_ state: inout AppState) -> [Effect]
    /// Another terminal changed the database: reload what is shown.
    static func refresh(_ state: inout AppState) -> [Effect]
    /// Esc: close the innermost thing open; false when nothing was open (the shell then goes back to Find).
    static func back(_ state: inout AppState) -> Bool
    /// Input typed but not saved (quitting asks first).
    static func hasUnsavedInput(_ state: AppState) -> Bool
}

extension PanelFeature {
    public static func entered(_ state: inout AppState) -> [Effect] { [] }
    public static func refresh(_ state: inout AppState) -> [Effect] { [] }
    public static func back(_ state: inout AppState) -> Bool { false }
    public static func hasUnsavedInput(_ state: AppState) -> Bool { false }

    /// A text field has the keyboard: plain letters are typed, not commands.
    public static func isTyping(_ state: AppState) -> Bool { keys(state).typing }
    /// A form is open and Tab moves between its fields instead of switching panels.
    public static func wantsTab(_ state: AppState) -> Bool { keys(state).fieldsTakeTab }
    /// The help entries of the mode the feature is in (bar and `?` overlay).
    public static func bindings(for state: AppState) -> [HelpEntry] { keys(state).help }
}

/// Which feature owns which panel: a lookup table, so a new panel is one line here.
enum PanelRouter {
    static let features: [Panel: any PanelFeature.Type] = [
        .find: FindFeature.self,
        .reception: ReceptionFeature.self, .appointments: ReceptionFeature.self,
        .waitingBoard: WorkshopFeature.self, .delivery: WorkshopFeature.self,
        .followUp: FollowUpFeature.self,
        .comebacks: InsightsFeature.self, .reports: InsightsFeature.self,
    ]

    /// Every feature once (refresh and unsaved input ask each of them).
    static let all: [any PanelFeature.Type] = [FindFeature.self, ReceptionFeature.self, WorkshopFeature.self,
                                               FollowUpFeature.self, InsightsFeature.self, AuditFeature.self]

    static func feature(_ panel: Panel) -> any PanelFeature.Type { features[panel]! }
    static func current(_ state: AppState) -> any PanelFeature.Type { feature(state.panel) }

    /// The keys of what has the keyboard beneath any help overlay: the audit overlay, or the panel.
    static func keys(_ state: AppState) -> ModeKeys {
        state.overlay == .audit ? AuditFeature.keys(state) : current(state).keys(state)
    }

    static func refreshAll(_ state: inout AppState) -> [Effect] {
        all.flatMap { $0.refresh(&state) }
    }

    static func hasUnsavedInput(_ state: AppState) -> Bool { all.contains { $0.hasUnsavedInput(state) } }
}
