import { wireCopyButtons, wireJsonForms, wireLogOut } from "./teach/account";
import { wireAnswerPreviews } from "./teach/answer-preview";
import { LiveClassView } from "./teach/live-view";

wireJsonForms();
wireLogOut();
wireCopyButtons();
wireAnswerPreviews();

const classView = document.getElementById("class-view");
if (classView) new LiveClassView(classView).start();
