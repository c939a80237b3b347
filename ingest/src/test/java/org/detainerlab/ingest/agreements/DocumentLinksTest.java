package org.detainerlab.ingest.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wrappers around document addresses come off; plain addresses, archived ones included, stay as they are. */
class DocumentLinksTest {

    @Test
    void anOutlookSafeLinkGivesTheAddressInside() {
        String wrapped = "https://gcc02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.ice.gov%2Fdoclib"
                + "%2F287gMOA%2FLeonCoSheriffsOfficeFL_WSO_MOA_06252025.pdf&data=05%7C02%7CERO287g%40ice.dhs.gov"
                + "&sdata=R6dckZEjceepDS4AQbtTssjCR%2B9FH87v2SR%2FEepmdds%3D&reserved=0";
        assertThat(DocumentLinks.clean(wrapped)).isEqualTo(new DocumentLinks.Link(
                "https://www.ice.gov/doclib/287gMOA/LeonCoSheriffsOfficeFL_WSO_MOA_06252025.pdf", true));
    }

    @Test
    void theChromePdfViewerPrefixComesOffAndTheSchemeIsRepaired() {
        assertThat(DocumentLinks.clean("chrome-extension://efaidnbmnnnibpcajpcglclefindmkaj/https:/www.ice.gov/doclib"
                + "/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf")).isEqualTo(new DocumentLinks.Link(
                "https://www.ice.gov/doclib/287gMOA/UnivFLPDFL_TFM_MOA_041525.pdf", true));
    }

    @Test
    void plainAndArchivedAddressesAreKept() {
        String archived = "https://web.archive.org/web/20250104041613/https://www.ice.gov/doclib/287gMOA/"
                + "287gWSO_KodiakAk2020-07-20.pdf";
        assertThat(DocumentLinks.clean(archived)).isEqualTo(new DocumentLinks.Link(archived, false));
        String plain = "https://www.ice.gov/doclib/287gMOA/287gJEM_%20montgomeryCoTX_06-09-2020_addendum.pdf";
        assertThat(DocumentLinks.clean(plain)).isEqualTo(new DocumentLinks.Link(plain, false));
        assertThat(DocumentLinks.isUrl("link pending")).isFalse();
    }
}
