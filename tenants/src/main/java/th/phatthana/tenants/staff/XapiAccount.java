package th.phatthana.tenants.staff;

/** An xAPI account: the home page of the system and the person's account name on it. */
public record XapiAccount(String homePage, String name) {
}
