package org.detainerlab.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;

import java.util.Map;

import org.detainerlab.core.testing.RealData;

/** The real releases that data tests load through the API; a file loaded before names the release it became. */
public final class RealReleases {

    /** ICE LESA-STU, FOIA 15-87693: detainers of FY2015 up to 2015-07. */
    public static final String FY2015 = "ice-detainers-fy2015/rif-FOIA_15-87693_07262015_LESA-STU_FINAL_FY15YTD.xlsx";

    private RealReleases() {
    }

    /** Uploads the FY2015 file as an admin and returns its release id; skips the test when the file is absent. */
    public static long fy2015() {
        String admin = Tokens.accessToken("dave");
        JsonPath job = Jobs.await(admin, Jobs.upload(admin, RealData.file(FY2015).toFile(),
                Map.of("title", "ICE detainers FY2015 YTD", "foiaNumber", "15-87693")));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        return job.getLong("releaseId");
    }
}
