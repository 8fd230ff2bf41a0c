import Foundation
import ScreenKit
import ServiceDomain

/// State of the comebacks and reports panels, kept in `AppState.insights`.
public struct InsightsState: Sendable, Equatable {
    public init() {}
}

/// What happened in the comebacks and reports panels (store answers come back as these).
public enum InsightsEvent: Sendable, Equatable {}

/// Work the comebacks and reports panels asks of the store; the runtime performs it (ConsoleApp/InsightsEffects.swift).
public enum InsightsRequest: Sendable, Equatable {}

/// The insights panel's part of the reducer. `PanelRouter` calls these; each returns effects to run.
public enum InsightsFeature {
    /// A key while one of this feature's panels is shown (after global commands).
    public static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] { [] }
    public static func reduce(_ state: inout AppState, _ event: InsightsEvent) -> [Effect] {}
    /// The panel was just shown: load what it displays.
    public static func entered(_ state: inout AppState) -> [Effect] { [] }
    /// Another terminal changed the database: reload what is shown.
    public static func refresh(_ state: inout AppState) -> [Effect] { [] }
    /// Esc: close the innermost thing open in the panel; false when nothing was open.
    public static func handleBack(_ state: inout AppState) -> Bool { false }
    /// A text field has the keyboard: plain letters are typed, not commands.
    public static func isTyping(_ state: AppState) -> Bool { false }
    /// A form is open and Tab moves between its fields instead of switching panels.
    public static func wantsTab(_ state: AppState) -> Bool { false }
    /// Input typed but not saved (quitting asks first).
    public static func hasUnsavedInput(_ state: AppState) -> Bool { false }
    /// The panel's own key bindings (shown in the help bar and the `?` overlay).
    public static func bindings(for state: AppState) -> [KeyBinding] { [] }
}
