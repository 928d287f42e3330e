/// Every name a template can look up in Trillium's views. Templates are compiled to these, so a
/// lookup is a jump through a switch instead of a string comparison per property.
///
/// A view exposes a field by returning it from `TemplateObject.value(of:)`; a name a template uses
/// that is not here can never be found (as a misspelt name in Mustache renders nothing).
public enum TemplateField: String, Sendable, CaseIterable {
    case allServices
    case alternates
    case assets
    case atom
    case audiences
    case breadcrumbs
    case canonical
    case cardsHTML
    case categories
    case children
    case contact
    case contacts
    case content
    case count
    case countText
    case css
    case current
    case date
    case description
    case descriptionEn
    case descriptionFr
    case descriptionHTML
    case directory
    case directoryHref
    case display
    case documentTitle
    case embedJS
    case embedSnippets
    case emergency
    case english
    case entries
    case exitJS
    case facetsURL
    case facts
    case featured
    case feeds
    case footerLinks
    case frameListener
    case french
    case groups
    case hasBreadcrumbs
    case hasChildren
    case hasEntries
    case hasGroups
    case hasLatestUpdates
    case hasLinks
    case hasSources
    case hasToc
    case hasWiden
    case heading
    case helpBox
    case homeHref
    case hotline
    case hotlineName
    case href
    case hreflang
    case hsdsJSON
    case hsdsPagesJSON
    case htmlLang
    case id
    case iframe
    case indexURL
    case inSentence
    case isEmpty
    case isExternal
    case isFrench
    case isGap
    case iso
    case isSearchPage
    case json
    case label
    case lang
    case languageChoice
    case languages
    case lastModified
    case lastVerified
    case latestUpdates
    case letters
    case links
    case listsURL
    case menu
    case more
    case name
    case next
    case notFound
    case openAPIJSON
    case organization
    case otherLanguage
    case pages
    case pagination
    case phone
    case previous
    case printCSS
    case published
    case quickExitURL
    case regionCovers
    case regions
    case resultsError
    case resultsMany
    case resultsNone
    case resultsOne
    case rootHref
    case schemaJSON
    case scripts
    case search
    case searchIndex
    case section
    case service
    case serviceList
    case services
    case servicesJSON
    case site
    case siteSearch
    case source
    case sources
    case summary
    case t
    case tags
    case tel
    case term
    case terms
    case text
    case tFr
    case title
    case toc
    case toggle
    case total
    case value
    case version
    case widen
    case widget
}

extension TemplateField {
    /// Fields of `PageView` that `ViewFactory.base` fills the same way for every page of a language,
    /// and that no other view answers: templates are rendered with them folded in advance, once
    /// per language (`TemplateLibrary.folding`). `TemplateViewTests` checks that no other view answers them.
    static let pageConstants: Set<TemplateField> = [.t, .site, .contact, .assets, .htmlLang, .quickExitURL, .siteSearch]
}
