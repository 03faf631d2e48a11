package th.phatthana.lrs.xapi;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /xapi/about}: the xAPI versions this LRS speaks. Needs no credentials. */
@RestController
@RequestMapping("/xapi")
class AboutController {

    static final String ABOUT = """
            {"version":["1.0.0","1.0.1","1.0.2","1.0.3","2.0.0"],\
            "extensions":{"https://phatthana.th/xapi/about/product":"Phatthana LRS"}}""";

    @GetMapping({"/about", "/about/"})
    ResponseEntity<String> about() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ABOUT);
    }
}
