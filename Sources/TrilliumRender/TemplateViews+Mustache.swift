// Mustache reads the template views through `MustacheParent`, about twice as fast as reflection.
// Every stored property of a view must be listed; `TemplateViewTests` checks that none is missing.
import Mustache
import TrilliumDirectory
import TrilliumMarkdown
import TrilliumModel
import TrilliumPlan
import TrilliumSearch

extension PageView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "lang": lang
        case "htmlLang": htmlLang
        case "isFrench": isFrench
        case "t": t
        case "site": site
        case "title": title
        case "documentTitle": documentTitle
        case "description": description
        case "canonical": canonical
        case "alternates": alternates
        case "toggle": toggle
        case "assets": assets
        case "quickExitURL": quickExitURL
        case "menu": menu
        case "footerLinks": footerLinks
        case "breadcrumbs": breadcrumbs
        case "content": content
        case "toc": toc
        case "children": children
        case "lastModified": lastModified
        case "published": published
        case "contact": contact
        case "feeds": feeds
        case "latestUpdates": latestUpdates
        case "pagination": pagination
        case "directory": directory
        case "service": service
        case "embedSnippets": embedSnippets
        case "languageChoice": languageChoice
        case "scripts": scripts
        case "hasToc": hasToc
        case "hasChildren": hasChildren
        case "hasBreadcrumbs": hasBreadcrumbs
        case "hasLatestUpdates": hasLatestUpdates
        case "sources": sources
        case "helpBox": helpBox
        case "hasSources": hasSources
        case "siteSearch": siteSearch
        case "search": search
        default: nil
        }
    }
}

extension SiteView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "description": description
        case "homeHref": homeHref
        case "rootHref": rootHref
        default: nil
        }
    }
}

extension AlternateView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "hreflang": hreflang
        case "href": href
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        case "current": current
        case "lang": lang
        case "hreflang": hreflang
        default: nil
        }
    }
}

extension AssetsView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "css": css
        case "printCSS": printCSS
        case "exitJS": exitJS
        default: nil
        }
    }
}

extension TocItem: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "id": id
        case "children": children
        case "hasChildren": hasChildren
        default: nil
        }
    }
}

extension CardView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        case "text": text
        case "date": date
        default: nil
        }
    }
}

extension DateView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "iso": iso
        case "text": text
        case "inSentence": inSentence
        default: nil
        }
    }
}

extension ContactView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "emergency": emergency
        case "hotline": hotline
        case "hotlineName": hotlineName
        default: nil
        }
    }
}

extension PhoneView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "display": display
        case "tel": tel
        default: nil
        }
    }
}

extension FeedLinksView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "atom": atom
        case "json": json
        default: nil
        }
    }
}

extension PaginationView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "previous": previous
        case "next": next
        case "pages": pages
        case "current": current
        case "total": total
        default: nil
        }
    }
}

extension DirectoryView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "searchIndex": searchIndex
        case "searchCoreJS": searchCoreJS
        case "directoryJS": directoryJS
        case "services": services
        case "count": count
        case "countText": countText
        case "countNone": countNone
        case "countOne": countOne
        case "countMany": countMany
        case "categories": categories
        case "regions": regions
        case "audiences": audiences
        case "languages": languages
        case "heading": heading
        case "isFullDirectory": isFullDirectory
        case "regionCovers": regionCovers
        default: nil
        }
    }
}

extension TermView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "label": label
        case "href": href
        case "count": count
        default: nil
        }
    }
}

extension ServiceCardView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "href": href
        case "summary": summary
        case "contacts": contacts
        case "tags": tags
        case "categories": categories
        case "regions": regions
        case "audiences": audiences
        case "languages": languages
        case "open247": open247
        case "indigenousLed": indigenousLed
        default: nil
        }
    }
}

extension ContactLinkView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "text": text
        case "href": href
        case "isExternal": isExternal
        default: nil
        }
    }
}

extension FactView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "term": term
        case "value": value
        case "links": links
        case "hasLinks": hasLinks
        default: nil
        }
    }
}

extension ServiceView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "id": id
        case "name": name
        case "summary": summary
        case "descriptionHTML": descriptionHTML
        case "organization": organization
        case "contacts": contacts
        case "facts": facts
        case "lastVerified": lastVerified
        case "source": source
        case "tags": tags
        default: nil
        }
    }
}

extension EmbedSnippetsView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "widget": widget
        case "iframe": iframe
        case "frameListener": frameListener
        case "servicesJSON": servicesJSON
        case "schemaJSON": schemaJSON
        case "hsdsJSON": hsdsJSON
        case "embedJS": embedJS
        case "version": version
        default: nil
        }
    }
}

extension LanguageChoiceView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "english": english
        case "french": french
        case "descriptionEn": descriptionEn
        case "descriptionFr": descriptionFr
        case "tFr": tFr
        case "notFound": notFound
        default: nil
        }
    }
}

extension SourceView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "href": href
        case "text": text
        case "date": date
        default: nil
        }
    }
}

extension HelpBoxView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "directoryHref": directoryHref
        default: nil
        }
    }
}

extension SiteSearchFormView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "href": href
        default: nil
        }
    }
}

extension SearchPageView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "indexURL": indexURL
        case "isSearchPage": isSearchPage
        case "letters": letters
        case "entries": entries
        case "hasEntries": hasEntries
        case "resultsNone": resultsNone
        case "resultsOne": resultsOne
        case "resultsMany": resultsMany
        case "resultsError": resultsError
        default: nil
        }
    }
}

extension SearchEntryView: MustacheParent {
    public func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "href": href
        case "section": section
        case "phone": phone
        default: nil
        }
    }
}
