import ScreenKit
import ServiceDomain

/// The help bar and the `?`/F1 overlay, read from the tables the reducers match: the feature's table for the
/// mode the user is in, and the global bindings that work in that mode.
public enum KeyMap {
    /// Every help entry of the current mode, in the order the bar and the overlay show them.
    public static func entries(for state: AppState) -> [HelpEntry] {
        let keys = PanelRouter.keys(state)
        // The audit overlay owns the keyboard: its table is all there is.
        if state.overlay == .audit { return keys.help }
        let global = GlobalKeys.tables(for: keys)
        return keys.help.filter { $0.section == .actions } + global.primary.help
            + keys.help.filter { $0.section == .movement } + global.secondary.help
    }

    /// Help bar entries for the current state: (keys, label). Under the help overlay the bar describes
    /// the mode beneath it, as the overlay does.
    public static func helpBar(for state: AppState) -> [(keys: String, label: String)] {
        var items: [(String, String)] = []
        for entry in entries(for: state) {
            guard let label = entry.bar else { continue }
            let keys = entry.keys.filter { if case .alt = $0 { return false } else { return true } }
            guard !keys.isEmpty else { continue }
            items.append((keys.map(\.description).joined(separator: "/"), state.text(label)))
        }
        if state.overlay != .audit { items.append(("F2-F9", state.text(Strings.keyPanels))) }
        return items
    }

    /// The bindings that work in the mode the user is in, for the `?`/F1 overlay.
    public static func helpLines(for state: AppState) -> [(keys: String, label: String)] {
        entries(for: state).map { ($0.keyNames, $0.help.text(state.language)) }
    }
}
