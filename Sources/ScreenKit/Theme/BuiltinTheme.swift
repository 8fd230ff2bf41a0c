extension Theme {
    /// The theme used when none is chosen or the chosen one cannot be read. Its text is the same as
    /// `themes/default.theme` (a test keeps the two equal), so the console looks right even without
    /// the themes directory.
    public static let builtinDefault: Theme = {
        do {
            return try Theme.parse(builtinDefaultText, fileName: "(built-in default theme)")
        } catch {
            // The text is compiled in and covered by tests; reaching this is a programming error.
            preconditionFailure("built-in default theme does not parse: \(error)")
        }
    }()

    static let builtinDefaultText = #"""
# Advisor Console theme: Default
#
# One role per line:   role   fg=COLOR   bg=COLOR   attributes   mono=ATTRIBUTES
#   COLOR       up to three alternatives joined by '/': #rrggbb (truecolor terminals),
#               0-255 (256-color terminals), a name for 8/16-color terminals:
#               black red green yellow blue magenta cyan white, bright-red …, or default.
#               A missing alternative is derived from the others.
#   attributes  bold underline reverse dim blink (or none to clear inherited ones).
#   mono=       attributes used instead when the terminal has no colors (or NO_COLOR is set),
#               comma-separated, e.g. mono=bold,underline.
# Anything a line leaves out comes from the parent role: ro.overdue.waiter → ro.overdue → ro → normal.
# '#' starts a comment at the start of a line or a word. Copy this file to make your own theme.
@name Default

# role             foreground                    background                attributes   no colors
normal             fg=default                    bg=default
muted              fg=#8a8a8a/245/bright-black                                          mono=dim
border             fg=#5f87af/67/blue
highlight          fg=#5fd7ff/81/cyan                                      bold         mono=bold
plate              fg=#ffffff/231/bright-white   bg=#005faf/25/blue        bold         mono=bold

# Top of the screen: title bar and the panel tabs
header             fg=#ffffff/231/bright-white   bg=#005f87/24/blue        bold         mono=reverse
header.alert       fg=#ffffff/231/bright-white   bg=#af0000/124/red        bold         mono=reverse,bold,underline
tab.active         fg=#000000/16/black           bg=#ffd75f/221/yellow     bold         mono=reverse,bold
tab.inactive       fg=#d0d0d0/252/white          bg=#005f87/24/blue                     mono=none

# Panels
panel.title        fg=#87afd7/110/cyan                                     bold         mono=bold
panel.title.focus  fg=#ffd75f/221/yellow                                   bold         mono=bold,reverse
selection          fg=#000000/16/black           bg=#87afff/111/cyan                    mono=reverse
chart.bar          fg=#5f87d7/68/blue
dialog             fg=default                    bg=default
input              fg=default                    bg=#303030/236/default    underline    mono=underline
input.focus        fg=#ffffff/231/bright-white   bg=#444444/238/blue       underline    mono=underline,bold

# Bottom of the screen: the status line (messages are drawn on it, so they share its background)
# and the key help row
status.bar         fg=#d0d0d0/252/white          bg=#303030/236/black                   mono=reverse
status.ok          fg=#5fd75f/77/green           bg=#303030/236/black                   mono=reverse
status.warning     fg=#ffaf00/214/yellow         bg=#303030/236/black      bold         mono=reverse,bold
status.error       fg=#ff5f5f/203/red            bg=#303030/236/black      bold         mono=reverse,bold,underline
help.key           fg=#ffd75f/221/yellow                                   bold         mono=bold
help.text          fg=#bcbcbc/250/default                                               mono=none

# Service department
ro.onTrack         fg=#5fd75f/77/green
ro.atRisk          fg=#ffaf00/214/yellow                                                mono=bold
ro.overdue         fg=#ff5f5f/203/red                                      bold         mono=bold,underline
callback.due       fg=#ffd75f/221/yellow                                                mono=bold
callback.overdue   fg=#ff5f5f/203/red                                      bold         mono=bold,underline
complaint.overdue  fg=#ff5f5f/203/red                                      bold         mono=bold,underline
customer.loyal     fg=#d7afff/183/magenta                                               mono=none
"""#
}
