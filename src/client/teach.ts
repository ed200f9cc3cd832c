import { wireCopyButtons, wireJsonForms, wireLogOut } from "./teach/account";
import { wireAnswerPreviews } from "./teach/answer-preview";
import { LiveClassView } from "./teach/live-view";
import { wireReviewForms } from "./teach/review";

wireJsonForms();
wireLogOut();
wireCopyButtons();
wireAnswerPreviews();
wireReviewForms();

const classView = document.getElementById("class-view");
if (classView) new LiveClassView(classView).start();
